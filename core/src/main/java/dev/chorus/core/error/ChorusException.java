package dev.chorus.core.error;

/** Base of the errors a user or client can be told about; the message is safe to show. */
public abstract class ChorusException extends RuntimeException {
  private final String code;

  protected ChorusException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A stable machine-readable code, such as {@code invalid} or {@code not_found}. */
  public String code() {
    return code;
  }
}
