package dev.chorus.core.channel;

import dev.chorus.core.error.RemoteUnavailable;
import java.time.Duration;

/**
 * A network refused or failed a call. The message is the network's reason in words a user can act
 * on; {@link #retryable()} says whether trying again later can help; {@link #retryAfter()} is the
 * wait the network asked for, or null.
 */
public final class ChannelFailure extends RemoteUnavailable {
  private final boolean retryable;
  private final Duration retryAfter;
  private final int status;

  public ChannelFailure(
      String message, boolean retryable, Duration retryAfter, int status, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.status = status;
  }

  public boolean retryable() {
    return retryable;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** The HTTP status the network answered, or 0 when it did not answer. */
  public int status() {
    return status;
  }
}
