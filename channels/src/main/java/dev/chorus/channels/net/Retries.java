package dev.chorus.channels.net;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;

/** Which failures are worth retrying, in one place, and how long to wait between attempts. */
public final class Retries {
  private Retries() {}

  /** True when an HTTP status may succeed if the same request is tried again later. */
  public static boolean classify(int status) {
    return switch (status) {
      // Rate limited: the server says when to come back.
      case 429 -> true;
      // Gateway and availability failures are usually passing.
      case 502, 503, 504 -> true;
      // A plain 500 is a bug on their side: retrying a post could duplicate it.
      case 500 -> false;
      // Everything else (4xx refusals, 501) will fail the same way again.
      default -> false;
    };
  }

  /** True when an I/O failure may pass if tried again later. */
  public static boolean classify(IOException e) {
    // The host name does not exist: a typo, not a passing failure.
    if (e instanceof UnknownHostException) return false;
    // The certificate is wrong: will not fix itself.
    if (e instanceof SSLHandshakeException) return false;
    // Refused or timed-out connections and resets mid-response: passing network trouble.
    return true;
  }

  /** Exponential backoff with full jitter: up to 0.5 s, 1 s, 2 s, … capped at 30 s. */
  public static Duration backoff(int attempt) {
    long cap = Math.min(30_000L, 500L << Math.min(attempt, 10));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
  }
}
