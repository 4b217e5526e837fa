package dev.chorus.core.channel;

/** A connector that can read how many accounts follow the connected account. */
public interface ReadsFollowers extends Connector {
  /**
   * The number of followers now.
   *
   * @throws ChannelFailure when the network refuses or cannot say (a Bluesky PDS without an
   *     AppView)
   */
  long followers();
}
