package dev.chorus.core.channel;

/**
 * How one post is doing on its network, as the network counts. Each count is -1 when the network
 * does not say (an older Mastodon has no quote count).
 *
 * @param likes likes (Bluesky) or favourites (Mastodon)
 * @param reposts reposts (Bluesky) or boosts (Mastodon)
 * @param replies direct replies
 * @param quotes quote posts
 */
public record PostMetrics(long likes, long reposts, long replies, long quotes) {
  public PostMetrics {
    if (likes < -1 || reposts < -1 || replies < -1 || quotes < -1) {
      throw new IllegalArgumentException("a count is at least 0, or -1 when unknown");
    }
  }
}
