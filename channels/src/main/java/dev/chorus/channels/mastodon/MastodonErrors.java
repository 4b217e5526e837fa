package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns a Mastodon refusal into a {@link ChannelFailure} a user can act on. Mastodon answers errors
 * as {@code {"error": "..."}} (OAuth endpoints add {@code error_description}); that reason is kept,
 * cut to a readable length and stripped of control characters. It is still a stranger's text: the
 * UI escapes it.
 */
public final class MastodonErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 300;

  private MastodonErrors() {}

  /**
   * The failure for an answer with status 400 or above.
   *
   * @param action what Chorus was doing, as in "posting" or "reading notifications"
   * @param now to turn {@code X-RateLimit-Reset} into a wait
   */
  public static ChannelFailure failure(SafeHttp.Response r, String action, Instant now) {
    String host = r.uri().getHost();
    int s = r.status();
    String reason = reason(r.body()).orElse(null);
    String because = reason == null ? "" : ": " + reason;
    return switch (s) {
      // The token was revoked (by the user or on disconnect) or never valid: only reconnecting
      // helps.
      case 401 ->
          new ChannelFailure(
              host + ": the token was revoked or expired: reconnect the channel",
              false,
              null,
              s,
              null);
      // The token lacks a scope, or the account is suspended or unconfirmed.
      case 403 ->
          new ChannelFailure(
              host + " refused " + action + because + " (reconnect to grant the permissions)",
              false,
              null,
              s,
              null);
      // The post or account is gone (deleted, or never there): asking again finds nothing.
      case 404, 410 ->
          new ChannelFailure(
              host
                  + ": not found while "
                  + action
                  + (reason == null ? ": the post or account may have been deleted" : because),
              false,
              null,
              s,
              null);
      // The file is bigger than the instance (or its proxy) takes.
      case 413 ->
          new ChannelFailure(
              host + " refused " + action + ": the attachment is too large", false, null, s, null);
      // Mastodon's validation: the reason says what to change (length, visibility, media).
      case 422 ->
          new ChannelFailure(
              host + " refused " + action + (reason == null ? " as invalid" : because),
              false,
              null,
              s,
              null);
      // Rate limited: wait for the window to reset, which the headers tell.
      case 429 -> {
        Duration wait = retryAfter(r, now).orElse(Duration.ofMinutes(5));
        yield new ChannelFailure(
            host + " is rate limiting Chorus: try again in " + words(wait), true, wait, s, null);
      }
      // Not implemented: this server does not have the endpoint, and never will on retry.
      case 501 ->
          new ChannelFailure(
              host + " does not support " + action + " (HTTP 501)", false, null, s, null);
      default -> {
        // Every call made here is safe to repeat (reads, and posts carry an Idempotency-Key),
        // so any other server error is worth trying again later.
        if (s >= 500) {
          yield new ChannelFailure(
              host + " failed while " + action + " (HTTP " + s + ")" + because,
              true,
              null,
              s,
              null);
        }
        // Any other refusal (400, 405, ...) fails the same way again.
        yield new ChannelFailure(
            host + " refused " + action + " (HTTP " + s + ")" + because, false, null, s, null);
      }
    };
  }

  /** The failure for a 2xx answer whose body is not the JSON Mastodon sends. */
  public static ChannelFailure malformed(SafeHttp.Response r, String action, Exception cause) {
    return new ChannelFailure(
        r.uri().getHost()
            + ": the server's answer is not valid JSON while "
            + action
            + " (is this a Mastodon server?)",
        false,
        null,
        r.status(),
        cause);
  }

  /**
   * How long the rate limit asks to wait: {@code Retry-After} in seconds when present, else until
   * {@code X-RateLimit-Reset} (an ISO 8601 time); never negative.
   */
  static Optional<Duration> retryAfter(SafeHttp.Response r, Instant now) {
    Optional<String> after = r.header("Retry-After");
    if (after.isPresent()) {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(after.get().strip()))));
      } catch (NumberFormatException e) {
        // An HTTP date instead of seconds: fall through to the reset header.
      }
    }
    return r.header("X-RateLimit-Reset").flatMap(MastodonErrors::instant).map(t -> until(now, t));
  }

  static Optional<Instant> instant(String iso) {
    try {
      return Optional.of(OffsetDateTime.parse(iso.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Duration until(Instant now, Instant then) {
    Duration d = Duration.between(now, then);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Optional<String> reason(byte[] body) {
    if (body.length == 0) return Optional.empty();
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) return Optional.empty();
      String error = n.path("error").isTextual() ? n.get("error").asText() : null;
      String description =
          n.path("error_description").isTextual() ? n.get("error_description").asText() : null;
      String text = description != null ? description : error;
      if (text == null || text.isBlank()) return Optional.empty();
      return Optional.of(clean(text));
    } catch (IOException e) {
      // An HTML error page from a proxy: the status says enough.
      return Optional.empty();
    }
  }

  private static String clean(String s) {
    String flat = s.replaceAll("\\p{Cntrl}", " ").strip();
    return flat.length() > MAX_REASON ? flat.substring(0, MAX_REASON) + "…" : flat;
  }

  private static String words(Duration d) {
    long s = Math.max(1, (d.toMillis() + 999) / 1000);
    if (s < 120) return s + " s";
    return ((s + 59) / 60) + " min";
  }
}
