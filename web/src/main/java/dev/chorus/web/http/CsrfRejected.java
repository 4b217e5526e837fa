package dev.chorus.web.http;

/** A state-changing browser request without a valid CSRF token. */
public final class CsrfRejected extends RuntimeException {
  public CsrfRejected() {
    super("This form has expired or was sent from another site. Reload the page and try again.");
  }
}
