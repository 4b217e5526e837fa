package dev.chorus.core.alerts;

/** A delivery that did not happen; {@code retryable} when a later attempt may succeed. */
public final class DeliveryFailure extends RuntimeException {
  private final boolean retryable;

  public DeliveryFailure(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public DeliveryFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
