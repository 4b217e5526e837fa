package dev.chorus.core.publishing;

import dev.chorus.core.channel.Network;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery that failed for a passing reason is tried again: exponential backoff from {@code
 * base} (doubling, at most {@code cap}), with "equal jitter" (half the delay fixed, half random) so
 * that deliveries that failed together do not return together, and never sooner than the network's
 * Retry-After. No retry after {@code maxAttempts}, and none that would start later than {@code
 * window} after the first attempt on a network whose idempotency key expires.
 *
 * <p>Why the window: Mastodon keeps an Idempotency-Key for one hour from the first request. A retry
 * after that could create a second status if the first attempt did reach the network, so retries
 * must start within the hour. The standard window is 45 minutes, leaving 15 minutes for a claim's
 * lateness and the call itself. Bluesky's record key is derived from the delivery id and never
 * expires, so only {@code maxAttempts} bounds retries there.
 */
public record Retries(Duration base, Duration cap, int maxAttempts, Duration window) {
  public Retries {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(window, "window");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
  }

  /** 15 s doubling to at most 10 min, 8 attempts, within 45 minutes of the first. */
  public static Retries standard() {
    return new Retries(Duration.ofSeconds(15), Duration.ofMinutes(10), 8, Duration.ofMinutes(45));
  }

  /** Idempotency keys that expire: everything but AT Protocol's record keys. */
  static boolean keyExpires(Network network) {
    return network != Network.BLUESKY;
  }

  /**
   * The next attempt's time after attempt number {@code attempts} failed at {@code now}, or empty
   * when there must be no other.
   *
   * @param retryAfter what the network asked for, or null
   * @param random uniform in [0, 1)
   */
  public Optional<Instant> next(
      Network network,
      int attempts,
      Instant firstAttemptAt,
      Instant now,
      Duration retryAfter,
      DoubleSupplier random) {
    if (attempts >= maxAttempts) return Optional.empty();
    long exp = base.toMillis() << Math.min(attempts - 1, 20);
    long delay = Math.min(cap.toMillis(), exp);
    delay = delay / 2 + (long) (random.getAsDouble() * (delay / 2.0));
    if (retryAfter != null) delay = Math.max(delay, retryAfter.toMillis());
    Instant at = now.plusMillis(delay);
    if (keyExpires(network) && at.isAfter(firstAttemptAt.plus(window))) return Optional.empty();
    return Optional.of(at);
  }

  /**
   * Whether an attempt starting {@code now} may still count on the network's deduplication: false
   * for a delivery whose first attempt began more than an hour minus a safety margin ago on a
   * network whose keys expire (a lease that ran out long ago: the first attempt may have posted).
   */
  public boolean keyStillValid(Network network, Instant firstAttemptAt, Instant now) {
    if (!keyExpires(network) || firstAttemptAt == null) return true;
    return !now.isAfter(firstAttemptAt.plus(Duration.ofMinutes(55)));
  }
}
