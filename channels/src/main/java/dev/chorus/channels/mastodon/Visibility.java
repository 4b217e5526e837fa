package dev.chorus.channels.mastodon;

import java.util.Locale;

/** Who sees a status, in Mastodon's words, mapped from a post's network-neutral visibility. */
public enum Visibility {
  /** Everyone, and on public timelines. */
  PUBLIC,
  /** Everyone with the link, kept off public timelines ("quiet public"). */
  UNLISTED,
  /** Followers only. */
  PRIVATE,
  /** Only the mentioned accounts. */
  DIRECT;

  /** Mastodon's word for {@code v}: every visibility has one. */
  public static Visibility of(dev.chorus.core.channel.Visibility v) {
    return switch (v) {
      case PUBLIC -> PUBLIC;
      case UNLISTED -> UNLISTED;
      case FOLLOWERS_ONLY -> PRIVATE;
      case DIRECT -> DIRECT;
    };
  }

  /** The value of the API's {@code visibility} parameter. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
