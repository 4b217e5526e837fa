package dev.chorus.core.error;

/** The request clashes with the current state, such as a duplicate email. */
public final class Conflict extends ChorusException {
  public Conflict(String message) {
    super("conflict", message, null);
  }

  public Conflict(String message, Throwable cause) {
    super("conflict", message, cause);
  }
}
