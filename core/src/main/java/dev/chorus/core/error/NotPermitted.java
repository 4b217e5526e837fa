package dev.chorus.core.error;

/** The signed-in user's role does not allow this action. */
public final class NotPermitted extends ChorusException {
  public NotPermitted(String message) {
    super("not_permitted", message, null);
  }

  public NotPermitted(String message, Throwable cause) {
    super("not_permitted", message, cause);
  }
}
