package dev.chorus.core.error;

import java.time.Duration;

/** Too many attempts in a short time; {@link #retryAfter()} says when to try again. */
public final class TooManyAttempts extends ChorusException {
  private final Duration retryAfter;

  public TooManyAttempts(String message, Duration retryAfter) {
    super("too_many_attempts", message, null);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
