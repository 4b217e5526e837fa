package dev.chorus.core.error;

/** The store cannot take the request now (locked, full or unreachable); nothing was written. */
public final class Unavailable extends ChorusException {
  public Unavailable(String message) {
    super("unavailable", message, null);
  }

  public Unavailable(String message, Throwable cause) {
    super("unavailable", message, cause);
  }
}
