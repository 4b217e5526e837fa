package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Connecting a Mastodon account by OAuth 2: register Chorus as an app on the instance ({@code POST
 * /api/v1/apps}), send the user to the instance's authorization page with a PKCE S256 challenge and
 * a state, exchange the code that comes back ({@code POST /oauth/token} with the verifier), and
 * revoke the token on disconnect ({@code POST /oauth/revoke}). Thread-safe; keeps nothing between
 * calls: the caller keeps the {@link App} and the {@link Authorization} (server side) until the
 * callback.
 */
public final class MastodonOAuth {
  /** What Chorus asks for: read what it listens to, post statuses and media, nothing else. */
  public static final String SCOPES =
      "read:accounts read:notifications read:search read:statuses write:media write:statuses";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Chorus's registration on one instance.
   *
   * @param redirectUri where the instance sends the browser back, with {@code code} and {@code
   *     state}
   */
  public record App(
      URI instance, String clientId, String clientSecret, URI redirectUri, String scopes) {
    public App {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(redirectUri, "redirectUri");
      if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("clientId");
      if (clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientSecret is blank");
      }
      if (scopes == null || scopes.isBlank()) throw new IllegalArgumentException("scopes is blank");
    }

    @Override
    public String toString() {
      return "App[" + instance + ", clientId=" + clientId + "]";
    }
  }

  /**
   * Where to send the browser, and what to keep (server side, never in the page) for the callback.
   *
   * @param state the random value the callback must bring back; compare with {@link
   *     #matches(String)}
   * @param codeVerifier the PKCE secret whose S256 hash is in the URL
   */
  public record Authorization(URI url, String state, String codeVerifier) {
    /** True when the callback's {@code state} is this one (compared in constant time). */
    public boolean matches(String callbackState) {
      return callbackState != null
          && MessageDigest.isEqual(
              state.getBytes(StandardCharsets.UTF_8),
              callbackState.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      // The verifier is a secret until the exchange.
      return "Authorization[" + url.getHost() + "]";
    }
  }

  /**
   * An access token.
   *
   * @param expiresAt null when it does not expire (Mastodon's tokens usually do not)
   */
  public record Token(String accessToken, String scope, Instant expiresAt) {
    public Token {
      if (accessToken == null || accessToken.isBlank()) {
        throw new IllegalArgumentException("accessToken is blank");
      }
    }

    /** The credentials to store for {@code app}. */
    public MastodonCredentials credentials(App app) {
      return new MastodonCredentials(accessToken, app.clientId(), app.clientSecret());
    }

    @Override
    public String toString() {
      return "Token[scope=" + scope + ", expiresAt=" + expiresAt + "]";
    }
  }

  private final SafeHttp http;
  private final Clock clock;

  public MastodonOAuth(SafeHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * Registers Chorus on {@code instance}. Apps are cheap; registering once per connection is fine,
   * or the caller may keep one per instance and redirect URI.
   *
   * @throws ChannelFailure when the instance is unreachable, refuses, or is not Mastodon
   */
  public App register(URI instance, String clientName, URI redirectUri, URI website) {
    MastodonClient api = client(instance);
    ObjectNode body = MastodonClient.JSON.createObjectNode();
    body.put("client_name", clientName);
    body.put("redirect_uris", redirectUri.toString());
    body.put("scopes", SCOPES);
    if (website != null) body.put("website", website.toString());
    JsonNode app = api.postJson("/api/v1/apps", body, null, "registering Chorus as an app").json();
    String id = MastodonItems.text(app, "client_id");
    String secret = MastodonItems.text(app, "client_secret");
    if (id == null || secret == null) {
      throw new ChannelFailure(
          api.host() + " registered the app without a client id and secret (is it Mastodon?)",
          false,
          null,
          200,
          null);
    }
    return new App(api.base(), id, secret, redirectUri, SCOPES);
  }

  /** A fresh authorization: the URL to redirect the browser to, with a new state and verifier. */
  public Authorization authorize(App app) {
    String state = random(32);
    String verifier = random(48);
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", app.clientId());
    q.put("redirect_uri", app.redirectUri().toString());
    q.put("scope", app.scopes());
    q.put("state", state);
    q.put("code_challenge", challenge(verifier));
    q.put("code_challenge_method", "S256");
    StringBuilder url = new StringBuilder(app.instance() + "/oauth/authorize?");
    q.forEach((k, v) -> url.append(k).append('=').append(MastodonClient.enc(v)).append('&'));
    url.setLength(url.length() - 1);
    return new Authorization(URI.create(url.toString()), state, verifier);
  }

  /**
   * Exchanges the callback's {@code code} for a token.
   *
   * @param codeVerifier {@link Authorization#codeVerifier()} of the authorization that sent the
   *     user
   * @throws ChannelFailure when the instance refuses the code (used, expired, or wrong verifier)
   */
  public Token exchange(App app, String code, String codeVerifier) {
    if (code == null || code.isBlank()) {
      throw new ChannelFailure(
          "the instance sent no authorization code back: try connecting again",
          false,
          null,
          0,
          null);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    form.put("redirect_uri", app.redirectUri().toString());
    form.put("code_verifier", codeVerifier);
    form.put("scope", app.scopes());
    JsonNode t =
        client(app.instance()).postForm("/oauth/token", form, "exchanging the code").json();
    String token = MastodonItems.text(t, "access_token");
    if (token == null || token.isBlank()) {
      throw new ChannelFailure(
          app.instance().getHost() + " answered without an access token", false, null, 200, null);
    }
    Instant expires =
        t.path("expires_in").canConvertToLong() && t.path("expires_in").asLong() > 0
            ? clock.instant().plus(Duration.ofSeconds(t.path("expires_in").asLong()))
            : null;
    return new Token(token, t.path("scope").asText(app.scopes()), expires);
  }

  /**
   * Revokes {@code accessToken} so it stops working. Revoking a token that is already revoked
   * succeeds (RFC 7009).
   *
   * @throws ChannelFailure when the instance cannot be reached or refuses the app
   */
  public void revoke(URI instance, MastodonCredentials credentials) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", credentials.clientId());
    form.put("client_secret", credentials.clientSecret());
    form.put("token", credentials.accessToken());
    client(instance).postForm("/oauth/revoke", form, "revoking the token");
  }

  private MastodonClient client(URI instance) {
    return new MastodonClient(instance, null, http, clock, Duration.ofSeconds(10));
  }

  /** The PKCE S256 challenge: base64url(SHA-256(verifier)), unpadded (RFC 7636). */
  static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
