package dev.chorus.core.channel;

/**
 * Makes the connector for a stored channel. Implemented in the {@code channels} module (which knows
 * the networks) and handed to core by the composition root.
 */
public interface ConnectorFactory {
  /**
   * @param secret the channel's opened credentials (JSON), or null when it has none
   * @throws ChannelFailure when the channel cannot be reached with what is stored
   */
  Connector open(Channel channel, String secret);

  /**
   * Tells the network to forget the channel's credentials, where it can (OAuth token revocation).
   * Called before they are deleted here; the default has nothing to revoke.
   *
   * @throws ChannelFailure when the network refuses or cannot be reached
   */
  default void revoke(Channel channel, String secret) {}
}
