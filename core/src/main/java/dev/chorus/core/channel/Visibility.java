package dev.chorus.core.channel;

import dev.chorus.core.error.Invalid;
import java.util.Locale;

/**
 * Who may see a post, in words every network can be mapped from. A network without an audience
 * setting publishes only {@link #PUBLIC} and refuses the rest (Bluesky); see the connectors.
 */
public enum Visibility {
  /** Everyone, and on public timelines and feeds. */
  PUBLIC,
  /** Everyone with the link, kept off public timelines (Mastodon's "quiet public"). */
  UNLISTED,
  /** The account's followers only. */
  FOLLOWERS_ONLY,
  /** Only the accounts mentioned in the post. */
  DIRECT;

  /** The name in the API and in forms: {@code public}, {@code unlisted}, … */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @throws Invalid on {@code field} when {@code value} names no visibility
   */
  public static Visibility parse(String field, String value) {
    for (Visibility v : values()) if (v.key().equals(value)) return v;
    throw new Invalid(
        field,
        "unknown visibility '" + value + "': use public, unlisted, followers-only or direct");
  }
}
