package dev.chorus.core.channel;

/**
 * What one post on a channel may hold.
 *
 * @param maxLength the most characters (or graphemes, see {@code countsGraphemes}) in a post
 * @param countsGraphemes true when the network counts user-perceived characters (Bluesky), false
 *     for code points (Mastodon)
 * @param urlLength how many characters a link counts as (Mastodon: 23), or -1 when links count as
 *     written
 * @param maxMedia attachments per post (0 when the network takes none)
 * @param maxMediaBytes the largest attachment in bytes (0 when none)
 * @param maxAltText characters of alt text per attachment (0 when none)
 */
public record ChannelLimits(
    int maxLength,
    boolean countsGraphemes,
    int urlLength,
    int maxMedia,
    long maxMediaBytes,
    int maxAltText) {
  public ChannelLimits {
    if (maxLength < 1) throw new IllegalArgumentException("maxLength must be positive");
    if (maxMedia < 0 || maxMediaBytes < 0 || maxAltText < 0) {
      throw new IllegalArgumentException("media limits must not be negative");
    }
  }
}
