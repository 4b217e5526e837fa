package dev.chorus.core.error;

/** The object does not exist or belongs to another workspace. */
public final class NotFound extends ChorusException {
  public NotFound(String message) {
    super("not_found", message, null);
  }

  public NotFound(String message, Throwable cause) {
    super("not_found", message, cause);
  }
}
