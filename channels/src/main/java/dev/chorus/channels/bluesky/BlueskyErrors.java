package dev.chorus.channels.bluesky;

import dev.chorus.channels.net.Retries;
import dev.chorus.core.channel.ChannelFailure;
import java.time.Duration;

/**
 * Turns an XRPC error ({@code {"error":"ExpiredToken","message":"..."}} and the HTTP status) into a
 * {@link ChannelFailure} a person can act on, classified retryable or not in {@link #failure}.
 */
public final class BlueskyErrors {
  private static final String INACTIVE =
      "the account is not active (taken down, suspended or deactivated)";

  private BlueskyErrors() {}

  /** True when {@code f} says the account itself is taken down, suspended or deactivated. */
  static boolean accountInactive(ChannelFailure f) {
    return f.getMessage() != null && f.getMessage().contains(INACTIVE);
  }

  /**
   * @param status the HTTP status
   * @param error the XRPC error name, or null when the body named none
   * @param message the server's message, or null
   * @param retryAfter the wait the server asked for (RateLimit-Reset or Retry-After), or null
   * @param action what Chorus was doing, as in "publishing the post"
   */
  public static ChannelFailure failure(
      int status, String error, String message, Duration retryAfter, String action) {
    String name = error == null ? "" : error;
    String said = message == null || message.isBlank() ? "" : " (" + clip(message) + ")";
    String where = "Bluesky, " + action + ": ";
    return switch (name) {
      // The access token ran out; the session refreshes it, so seeing this means the refresh
      // itself raced an expiry. The next try signs in afresh.
      case "ExpiredToken" ->
          new ChannelFailure(
              where + "the session expired; Chorus will sign in again", true, null, status, null);
      // The tokens or the app password were revoked or are wrong: only a person can fix it.
      case "InvalidToken", "AuthenticationRequired", "AuthMissing" ->
          new ChannelFailure(
              where
                  + "the handle or app password was refused"
                  + said
                  + "; reconnect the channel with a new app password",
              false,
              null,
              status,
              null);
      // Email two-factor applies to the main password only: an app password avoids it.
      case "AuthFactorTokenRequired" ->
          new ChannelFailure(
              where
                  + "the account asks for an email sign-in code; connect with an app password"
                  + " (Settings → Privacy and security → App passwords) instead",
              false,
              null,
              status,
              null);
      // The account is suspended, taken down or deactivated: retrying cannot change that.
      case "AccountTakedown", "AccountDeactivated", "AccountSuspended" ->
          new ChannelFailure(where + INACTIVE + said, false, null, status, null);
      // No account has this handle (a typo, or the account moved): asking again will not help.
      case "HandleNotFound" ->
          new ChannelFailure(
              where + "no account has this handle" + said, false, null, status, null);
      // The post or record is gone (deleted, or a wrong link): the same call fails again.
      case "RecordNotFound", "NotFound" ->
          new ChannelFailure(
              where + "the post or record does not exist (deleted?)" + said,
              false,
              null,
              status,
              null);
      // Rate limited: the server says when to come back.
      case "RateLimitExceeded" ->
          new ChannelFailure(
              where + "rate limited by the server; Chorus waits and tries again",
              true,
              retryAfter,
              status,
              null);
      // A request the server will always refuse as sent (bad record, unknown handle). A PDS without
      // an AppView answers app.bsky reads this way too; that is a setup fact, not a passing one.
      case "InvalidRequest", "InvalidSwap", "BlobTooLarge", "InvalidMimeType" ->
          new ChannelFailure(where + explainInvalid(message), false, null, status, null);
      // The method does not exist on this server (an old or partial PDS): retrying cannot help.
      case "MethodNotImplemented" ->
          new ChannelFailure(
              where + "the server does not offer this" + said, false, null, status, null);
      // Anything else is judged by its status alone, as for every network.
      default ->
          new ChannelFailure(
              where
                  + "the server answered HTTP "
                  + status
                  + (name.isEmpty() ? "" : " " + name)
                  + said,
              status == 429 || Retries.classify(status),
              retryAfter,
              status,
              null);
    };
  }

  /** A body that is not the JSON it should be: a broken or impostor server. */
  static ChannelFailure malformed(String action, int status) {
    return new ChannelFailure(
        "Bluesky, " + action + ": the server sent malformed JSON (HTTP " + status + ")",
        false,
        null,
        status,
        null);
  }

  /** True when the message says the PDS has no AppView to pass an app.bsky read to. */
  static boolean noAppView(String message) {
    return message != null
        && (message.contains("No service configured")
            || message.contains("no service configured")
            || message.contains("Could not find service")
            || message.contains("proxy"));
  }

  private static String explainInvalid(String message) {
    if (noAppView(message)) {
      return "this PDS has no AppView (Bluesky's index) configured, so it cannot answer reads such"
          + " as notifications, search or profiles ("
          + clip(message)
          + ")";
    }
    return "the server refused the request"
        + (message == null || message.isBlank() ? "" : ": " + clip(message));
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
