package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A signed-in account on its PDS: handle and app password → {@code
 * com.atproto.server.createSession}; the access token is refreshed with {@code refreshSession}
 * shortly before it expires or when a call answers {@code ExpiredToken}; when the refresh token is
 * refused too, the session signs in again with the app password. Thread-safe; every change of
 * tokens is handed to the listener so the caller can store it (sealed).
 */
public final class BlueskySession {
  /**
   * What a Bluesky channel keeps, sealed, as its secret ({@link #toJson()} / {@link #fromJson}).
   *
   * @param appPassword the app password, kept so a revoked or expired refresh token does not
   *     disconnect the channel
   */
  public record Credentials(
      String handle, String did, URI pds, String appPassword, String accessJwt, String refreshJwt) {
    public Credentials {
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(did, "did");
      Objects.requireNonNull(pds, "pds");
      Objects.requireNonNull(appPassword, "appPassword");
      Objects.requireNonNull(accessJwt, "accessJwt");
      Objects.requireNonNull(refreshJwt, "refreshJwt");
    }

    public String toJson() {
      ObjectNode n = Xrpc.JSON.createObjectNode();
      n.put("handle", handle)
          .put("did", did)
          .put("pds", pds.toString())
          .put("appPassword", appPassword)
          .put("accessJwt", accessJwt)
          .put("refreshJwt", refreshJwt);
      return n.toString();
    }

    /**
     * @throws IllegalArgumentException when the stored secret is not a Bluesky channel's
     */
    public static Credentials fromJson(String json) {
      try {
        JsonNode n = Xrpc.JSON.readTree(json);
        return new Credentials(
            text(n, "handle"),
            text(n, "did"),
            URI.create(text(n, "pds")),
            text(n, "appPassword"),
            text(n, "accessJwt"),
            text(n, "refreshJwt"));
      } catch (IOException | NullPointerException e) {
        throw new IllegalArgumentException("not the credentials of a Bluesky channel", e);
      }
    }

    /** When the refresh token expires (the channel's token expiry), or null when unknown. */
    public Instant refreshExpiresAt() {
      return expiry(refreshJwt);
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual()) throw new IllegalArgumentException("missing " + field);
      return v.asText();
    }
  }

  /** Refresh this long before the access token says it expires, so no call carries a dead one. */
  private static final Duration EARLY = Duration.ofSeconds(60);

  private final Xrpc xrpc;
  private final Clock clock;
  private final Consumer<Credentials> onChange;
  private Credentials current;

  private BlueskySession(
      Xrpc xrpc, Clock clock, Credentials credentials, Consumer<Credentials> onChange) {
    this.xrpc = xrpc;
    this.clock = clock;
    this.current = credentials;
    this.onChange = onChange;
  }

  /**
   * Signs in: finds the account's PDS from the handle and its DID document, then creates a session
   * there with the app password.
   *
   * @throws ChannelFailure when the handle is unknown, the PDS cannot be reached, or the password
   *     is refused, with the reason
   */
  public static BlueskySession signIn(
      BlueskyDirectory directory,
      String handle,
      String appPassword,
      Clock clock,
      Consumer<Credentials> onChange) {
    BlueskyDirectory.Identity who = directory.identify(handle);
    Credentials c = create(directory.xrpc(), who.pds(), who.handle(), who.did(), appPassword);
    return new BlueskySession(directory.xrpc(), clock, c, onChange);
  }

  /** A session from stored credentials; nothing is called until the first request. */
  public static BlueskySession resume(
      BlueskyDirectory directory, Credentials stored, Clock clock, Consumer<Credentials> onChange) {
    return new BlueskySession(directory.xrpc(), clock, stored, onChange);
  }

  public synchronized Credentials credentials() {
    return current;
  }

  public String did() {
    return credentials().did();
  }

  public String handle() {
    return credentials().handle();
  }

  public URI pds() {
    return credentials().pds();
  }

  /** An authenticated query on the account's PDS. */
  Xrpc.Reply get(String nsid, Map<String, String> params, String action) {
    return authed(token -> xrpc.get(pds(), nsid, params, token, action));
  }

  /** An authenticated query on the account's PDS whose parameter {@code name} is an array. */
  Xrpc.Reply getEach(String nsid, String name, java.util.List<String> values, String action) {
    return authed(token -> xrpc.getEach(pds(), nsid, name, values, token, action));
  }

  /** An authenticated procedure on the account's PDS. */
  Xrpc.Reply post(String nsid, JsonNode body, String action) {
    return authed(token -> xrpc.post(pds(), nsid, body, token, action));
  }

  /** An authenticated upload of raw bytes. */
  Xrpc.Reply upload(String nsid, byte[] bytes, String mimeType, String action) {
    return authed(token -> xrpc.upload(pds(), nsid, bytes, mimeType, token, action));
  }

  Xrpc xrpc() {
    return xrpc;
  }

  /**
   * Ends the session on the PDS ({@code com.atproto.server.deleteSession} with the refresh token),
   * so the stored tokens no longer work. Tokens the PDS already refuses count as ended.
   *
   * @throws ChannelFailure when the PDS cannot be reached or fails
   */
  public synchronized void signOut() {
    Xrpc.Reply r =
        xrpc.post(
            current.pds(),
            "com.atproto.server.deleteSession",
            null,
            current.refreshJwt(),
            "signing out");
    if (r.ok() || r.status() == 400 || r.status() == 401) return;
    throw r.failure("signing out");
  }

  private Xrpc.Reply authed(java.util.function.Function<String, Xrpc.Reply> call) {
    String token = accessToken();
    Xrpc.Reply r = call.apply(token);
    if ("ExpiredToken".equals(r.error()) || "InvalidToken".equals(r.error())) {
      // The token died between our check and the server's (or was revoked): renew once, try again.
      r = call.apply(renewUnlessDone(token));
    }
    return r;
  }

  /** A live access token, refreshing first when it is about to expire. */
  synchronized String accessToken() {
    Instant exp = expiry(current.accessJwt());
    // A token whose expiry cannot be read is used until the server says it expired.
    if (exp == null || clock.instant().plus(EARLY).isBefore(exp)) return current.accessJwt();
    return renew();
  }

  private synchronized String renewUnlessDone(String rejected) {
    // Another thread may have renewed while this one waited for the lock.
    if (!current.accessJwt().equals(rejected)) return current.accessJwt();
    return renew();
  }

  private synchronized String renew() {
    Credentials was = current;
    Xrpc.Reply r =
        xrpc.post(
            was.pds(),
            "com.atproto.server.refreshSession",
            null,
            was.refreshJwt(),
            "refreshing the session");
    Credentials next;
    if (r.ok() && r.json().path("accessJwt").isTextual()) {
      next = fromSession(r.json(), was.pds(), was.appPassword(), was);
    } else if (r.status() == 400 || r.status() == 401) {
      // The refresh token is expired or revoked: sign in again with the app password.
      next = create(xrpc, was.pds(), was.handle(), was.did(), was.appPassword());
    } else {
      throw r.failure("refreshing the session");
    }
    current = next;
    onChange.accept(next);
    return next.accessJwt();
  }

  private static Credentials create(
      Xrpc xrpc, URI pds, String handle, String did, String appPassword) {
    ObjectNode body = Xrpc.JSON.createObjectNode();
    body.put("identifier", handle).put("password", appPassword);
    JsonNode s =
        xrpc.post(pds, "com.atproto.server.createSession", body, null, "signing in as " + handle)
            .orThrow("signing in as " + handle);
    if (!did.equals(s.path("did").asText())) {
      throw new ChannelFailure(
          "Bluesky, signing in as "
              + handle
              + ": the PDS signed in "
              + s.path("did").asText()
              + " instead of "
              + did,
          false,
          null,
          0,
          null);
    }
    return fromSession(s, pds, appPassword, null);
  }

  private static Credentials fromSession(JsonNode s, URI pds, String appPassword, Credentials was) {
    String access = s.path("accessJwt").asText(null);
    String refresh = s.path("refreshJwt").asText(null);
    if (access == null || refresh == null) {
      throw BlueskyErrors.malformed("signing in", 200);
    }
    String handle = s.path("handle").asText(was == null ? null : was.handle());
    String did = s.path("did").asText(was == null ? null : was.did());
    return new Credentials(handle, did, pds, appPassword, access, refresh);
  }

  /** The {@code exp} of a JWT, or null when it has none or cannot be read. */
  static Instant expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) return null;
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode n = Xrpc.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
      return n.path("exp").canConvertToLong() ? Instant.ofEpochSecond(n.get("exp").asLong()) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
