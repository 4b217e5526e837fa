package dev.chorus.core.error;

/** A remote network did not answer or failed; the message names it. */
public class RemoteUnavailable extends ChorusException {
  public RemoteUnavailable(String message) {
    super("remote_unavailable", message, null);
  }

  public RemoteUnavailable(String message, Throwable cause) {
    super("remote_unavailable", message, cause);
  }
}
