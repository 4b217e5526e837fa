package dev.chorus.channels.net;

import java.time.Duration;

/**
 * What outbound calls may do.
 *
 * @param allowLoopback true only in tests and for operators who run a peer on the same host
 * @param allowPrivate true to reach private (RFC 1918, unique-local) and link-local addresses
 * @param maxResponseBytes the largest response body read; bigger ones are refused
 * @param maxRedirects redirects followed before giving up
 * @param maxAttempts attempts per call, counting the first, for retryable failures
 */
public record NetworkPolicy(
    boolean allowLoopback,
    boolean allowPrivate,
    Duration connectTimeout,
    Duration readTimeout,
    long maxResponseBytes,
    int maxRedirects,
    int maxAttempts) {

  /** Public addresses only; 5 s to connect, 20 s to answer, 10 MB, 5 redirects, 3 attempts. */
  public static NetworkPolicy production() {
    return new NetworkPolicy(
        false, false, Duration.ofSeconds(5), Duration.ofSeconds(20), 10L << 20, 5, 3);
  }

  /** As production, but loopback is allowed: for tests against local peers. */
  public static NetworkPolicy loopbackForTests() {
    return new NetworkPolicy(
        true, false, Duration.ofSeconds(2), Duration.ofSeconds(5), 10L << 20, 5, 3);
  }
}
