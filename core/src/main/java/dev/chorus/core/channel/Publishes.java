package dev.chorus.core.channel;

/** A connector that can post. */
public interface Publishes extends Connector {
  /**
   * Publishes {@code post}. The same {@code idempotencyKey} never makes a second post, however
   * often the call is repeated (Mastodon's Idempotency-Key; on Bluesky a record key derived from
   * it).
   *
   * @throws ChannelFailure when the network refuses or fails, with its reason
   */
  RemoteRef publish(OutgoingPost post, String idempotencyKey);
}
