package dev.chorus.channels.mastodon;

import java.util.Locale;

/** Who sees a status, in Mastodon's words. */
public enum Visibility {
  /** Everyone, and on public timelines. */
  PUBLIC,
  /** Everyone with the link, kept off public timelines ("quiet public"). */
  UNLISTED,
  /** Followers only. */
  PRIVATE,
  /** Only the mentioned accounts. */
  DIRECT;

  /** The value of the API's {@code visibility} parameter. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
