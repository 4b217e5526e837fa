package dev.chorus.channels.mastodon;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the Mastodon connector waits, and how often it tries again, where the protocol leaves it
 * to the client.
 *
 * @param mediaPollInterval the wait between checks of an attachment the instance is still
 *     processing (202 on upload, 206 on GET)
 * @param mediaPollAttempts checks before giving up on an attachment
 * @param maxRateLimitWait when the rate limit is used up, a reset sooner than this is waited for; a
 *     later one fails the call at once, retryable, with the wait
 * @param streamMinBackoff the first wait before reconnecting a dropped stream
 * @param streamMaxBackoff the longest wait between reconnection attempts
 */
public record MastodonTimings(
    Duration mediaPollInterval,
    int mediaPollAttempts,
    Duration maxRateLimitWait,
    Duration streamMinBackoff,
    Duration streamMaxBackoff) {
  public MastodonTimings {
    Objects.requireNonNull(mediaPollInterval, "mediaPollInterval");
    Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
    Objects.requireNonNull(streamMinBackoff, "streamMinBackoff");
    Objects.requireNonNull(streamMaxBackoff, "streamMaxBackoff");
    if (mediaPollAttempts < 1) throw new IllegalArgumentException("mediaPollAttempts must be >= 1");
    if (streamMinBackoff.isNegative() || streamMinBackoff.isZero()) {
      throw new IllegalArgumentException("streamMinBackoff must be positive");
    }
    if (streamMaxBackoff.compareTo(streamMinBackoff) < 0) {
      throw new IllegalArgumentException("streamMaxBackoff must not be below streamMinBackoff");
    }
  }

  /** Media checked every second for a minute; rate-limit resets up to 10 s away are waited for. */
  public static MastodonTimings standard() {
    return new MastodonTimings(
        Duration.ofSeconds(1),
        60,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofMinutes(2));
  }
}
