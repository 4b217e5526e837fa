package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.FakeMastodon.JSON;
import static dev.chorus.channels.mastodon.FakeMastodon.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FakeMastodon's OAuth 2 (Doorkeeper as Mastodon configures it): apps, an authorization page that
 * approves at once (as if the user clicked Authorize), codes bound to a PKCE S256 challenge, the
 * token endpoint and revocation.
 */
final class FakeMastodonOAuth {
  record App(String clientId, String clientSecret, String redirectUri, String scopes) {}

  record Code(String clientId, String redirectUri, String challenge, String scopes) {}

  private static final String INVALID_GRANT =
      "The provided authorization grant is invalid, expired, revoked, does not match the"
          + " redirection URI used in the authorization request, or was issued to another client.";

  final Map<String, App> apps = new ConcurrentHashMap<>();
  final Map<String, Code> codes = new ConcurrentHashMap<>();

  /** Tokens issued through OAuth, to the app they were issued to. */
  final Map<String, String> issued = new ConcurrentHashMap<>();

  /** When true the user clicks Deny instead. */
  volatile boolean deny;

  private final FakeMastodon m;

  FakeMastodonOAuth(FakeMastodon m) {
    this.m = m;
  }

  void register(RoutesConfig r) {
    r.post("/api/v1/apps", m.api(false, this::createApp));
    r.get("/oauth/authorize", this::authorize);
    r.post("/oauth/token", m.api(false, this::token));
    r.post("/oauth/revoke", m.api(false, this::revoke));
  }

  private void createApp(Context ctx) throws IOException {
    Map<String, String> p = params(ctx);
    String name = p.getOrDefault("client_name", "");
    String redirect = p.getOrDefault("redirect_uris", "");
    if (name.isBlank()) {
      FakeMastodon.error(ctx, 422, "Validation failed: Application name can't be blank");
      return;
    }
    if (!redirect.matches("^[a-z][a-z0-9+.-]*:.+")) {
      FakeMastodon.error(ctx, 422, "Validation failed: Redirect URI must be an absolute URI.");
      return;
    }
    App app =
        new App(
            "client-" + UUID.randomUUID(),
            "secret-" + UUID.randomUUID(),
            redirect,
            p.getOrDefault("scopes", "read"));
    apps.put(app.clientId(), app);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", m.nextId());
    out.put("name", name);
    out.put("website", p.get("website"));
    var scopes = out.putArray("scopes");
    for (String scope : app.scopes().split(" ")) scopes.add(scope);
    out.putArray("redirect_uris").add(redirect);
    out.put("redirect_uri", redirect);
    out.put("client_id", app.clientId());
    out.put("client_secret", app.clientSecret());
    json(ctx, 200, out);
  }

  private void authorize(Context ctx) {
    App app = apps.get(String.valueOf(ctx.queryParam("client_id")));
    String redirect = ctx.queryParam("redirect_uri");
    if (app == null) {
      ctx.status(401).html("<p>Client authentication failed due to unknown client.</p>");
      return;
    }
    if (!app.redirectUri().equals(redirect) || !"code".equals(ctx.queryParam("response_type"))) {
      ctx.status(400).html("<p>The redirect uri included is not valid.</p>");
      return;
    }
    String challenge = ctx.queryParam("code_challenge");
    if (challenge == null || !"S256".equals(ctx.queryParam("code_challenge_method"))) {
      ctx.status(400).html("<p>Code challenge is required; the method must be S256.</p>");
      return;
    }
    String state = ctx.queryParam("state") == null ? "" : ctx.queryParam("state");
    String sep = redirect.contains("?") ? "&" : "?";
    if (deny) {
      ctx.status(302)
          .header("Location", redirect + sep + "error=access_denied&state=" + enc(state));
      return;
    }
    String code = "code-" + UUID.randomUUID();
    codes.put(
        code,
        new Code(app.clientId(), redirect, challenge, String.valueOf(ctx.queryParam("scope"))));
    ctx.status(302)
        .header("Location", redirect + sep + "code=" + enc(code) + "&state=" + enc(state));
  }

  private void token(Context ctx) throws IOException {
    Map<String, String> p = params(ctx);
    App app = apps.get(p.getOrDefault("client_id", ""));
    if (app == null || !app.clientSecret().equals(p.get("client_secret"))) {
      oauthError(ctx, 401, "invalid_client", "Client authentication failed due to unknown client.");
      return;
    }
    if (!"authorization_code".equals(p.get("grant_type"))) {
      oauthError(
          ctx, 400, "unsupported_grant_type", "The authorization grant type is not supported.");
      return;
    }
    // A code is good for one exchange only.
    Code code = codes.remove(p.getOrDefault("code", ""));
    if (code == null
        || !code.clientId().equals(app.clientId())
        || !code.redirectUri().equals(p.get("redirect_uri"))
        || p.get("code_verifier") == null
        || !MastodonOAuth.challenge(p.get("code_verifier")).equals(code.challenge())) {
      oauthError(ctx, 400, "invalid_grant", INVALID_GRANT);
      return;
    }
    String token = "token-" + UUID.randomUUID();
    m.tokens.add(token);
    issued.put(token, app.clientId());
    ObjectNode out = JSON.createObjectNode();
    out.put("access_token", token);
    out.put("token_type", "Bearer");
    out.put("scope", code.scopes());
    out.put("created_at", Instant.now().getEpochSecond());
    json(ctx, 200, out);
  }

  private void revoke(Context ctx) throws IOException {
    Map<String, String> p = params(ctx);
    App app = apps.get(p.getOrDefault("client_id", ""));
    if (app == null || !app.clientSecret().equals(p.get("client_secret"))) {
      oauthError(ctx, 403, "unauthorized_client", "You are not authorized to revoke this token");
      return;
    }
    String token = p.getOrDefault("token", "");
    // RFC 7009: an unknown or already revoked token is still a success.
    if (app.clientId().equals(issued.get(token))) {
      m.tokens.remove(token);
      issued.remove(token);
    }
    json(ctx, 200, JSON.createObjectNode());
  }

  private static void oauthError(Context ctx, int status, String error, String description) {
    ObjectNode e = JSON.createObjectNode();
    e.put("error", error);
    e.put("error_description", description);
    json(ctx, status, e);
  }

  /** Form or JSON parameters, as Mastodon takes both. */
  private static Map<String, String> params(Context ctx) throws IOException {
    Map<String, String> p = new java.util.HashMap<>();
    if (String.valueOf(ctx.contentType()).startsWith("application/json")) {
      JsonNode n = JSON.readTree(ctx.body());
      n.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    } else {
      ctx.formParamMap().forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    return p;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
