package dev.chorus.core.account;

import dev.chorus.core.error.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins in a sliding window, per account and per network address, and refuses
 * further attempts past a limit until the window has moved on. Thread-safe. In memory: a restart
 * forgets, which only ever helps a legitimate user.
 */
public final class SignInThrottle {
  /** Limits: failures allowed per account and per address within {@code window}. */
  public record Limits(int perAccount, int perAddress, Duration window) {
    public static Limits defaults() {
      return new Limits(5, 20, Duration.ofMinutes(15));
    }
  }

  private final Limits limits;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public SignInThrottle(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Throws {@link TooManyAttempts} when this account or address must wait. */
  public void check(String emailKey, String address) {
    long now = clock.millis();
    Duration wait = waitFor("a:" + emailKey, limits.perAccount(), now);
    if (wait != null) {
      throw new TooManyAttempts(
          "Too many failed sign-ins for this account. Try again in " + minutes(wait) + ".", wait);
    }
    wait = waitFor("ip:" + address, limits.perAddress(), now);
    if (wait != null) {
      throw new TooManyAttempts(
          "Too many failed sign-ins from your network address. Try again in " + minutes(wait) + ".",
          wait);
    }
  }

  public void recordFailure(String emailKey, String address) {
    long now = clock.millis();
    add("a:" + emailKey, now);
    add("ip:" + address, now);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  public void recordSuccess(String emailKey) {
    failures.remove("a:" + emailKey);
  }

  private void add(String key, long now) {
    Deque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      prune(q, now);
      q.addLast(now);
    }
  }

  private Duration waitFor(String key, int limit, long now) {
    Deque<Long> q = failures.get(key);
    if (q == null) return null;
    synchronized (q) {
      prune(q, now);
      if (q.size() < limit) return null;
      long oldest = q.peekFirst();
      return Duration.ofMillis(oldest + limits.window().toMillis() - now);
    }
  }

  private void prune(Deque<Long> q, long now) {
    long cutoff = now - limits.window().toMillis();
    while (!q.isEmpty() && q.peekFirst() <= cutoff) q.removeFirst();
  }

  private static String minutes(Duration d) {
    long m = Math.max(1, (d.toSeconds() + 59) / 60);
    return m == 1 ? "1 minute" : m + " minutes";
  }
}
