package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small loopback stand-in for one AT Protocol network, written from the lexicons
 * (com.atproto.identity.resolveHandle, com.atproto.server.createSession / refreshSession /
 * deleteSession, com.atproto.repo.createRecord / getRecord,
 * app.bsky.notification.listNotifications) and the PLC directory's {@code GET /<did>}: one server
 * is the handle resolver, the directory and the PDS. It answers errors as the reference PDS does
 * ({@code AuthenticationRequired}, {@code AccountTakedown}, {@code ExpiredToken}, {@code
 * RecordNotFound}). Refresh tokens are single use, as on the reference PDS. For the real PDS, see
 * {@code scripts/interop}.
 */
public final class FakeBluesky implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One account on the fake network. */
  private static final class Account {
    final String did;
    final String handle;
    volatile String appPassword;
    volatile boolean takenDown;

    Account(String did, String handle, String appPassword) {
      this.did = did;
      this.handle = handle;
      this.appPassword = appPassword;
    }
  }

  private record Token(String did, Instant expires) {}

  private final Javalin server;
  private final Map<String, Account> byHandle = new ConcurrentHashMap<>();
  private final Map<String, Account> byDid = new ConcurrentHashMap<>();
  private final Map<String, Token> access = new ConcurrentHashMap<>();
  private final Map<String, Token> refresh = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> notifications = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<String> refreshed = ConcurrentHashMap.newKeySet();
  private volatile Duration accessLifetime = Duration.ofHours(2);
  private volatile URI pdsOverride;

  public FakeBluesky() {
    server =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.jetty.host = "127.0.0.1";
              c.jetty.port = 0;
              var r = c.routes;
              r.get("/xrpc/com.atproto.identity.resolveHandle", this::resolveHandle);
              r.post("/xrpc/com.atproto.server.createSession", this::createSession);
              r.post("/xrpc/com.atproto.server.refreshSession", this::refreshSession);
              r.post("/xrpc/com.atproto.server.deleteSession", this::deleteSession);
              r.get("/xrpc/app.bsky.notification.listNotifications", this::listNotifications);
              r.post("/xrpc/com.atproto.repo.createRecord", this::createRecord);
              r.get("/xrpc/com.atproto.repo.getRecord", this::getRecord);
              r.get("/{did}", this::didDocument);
            });
    server.start();
  }

  /** The one address of the resolver, the directory and the PDS. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Creates an account; returns its DID. */
  public String addAccount(String handle, String appPassword) {
    String did = "did:plc:" + random(24);
    Account a = new Account(did, handle, appPassword);
    byHandle.put(handle, a);
    byDid.put(did, a);
    notifications.put(did, new CopyOnWriteArrayList<>());
    return did;
  }

  /** Access tokens issued from now on expire this soon (the reference PDS: two hours). */
  public void accessLifetime(Duration d) {
    accessLifetime = d;
  }

  /** DID documents name this PDS instead of the fake itself (an unreachable one, say). */
  public void pdsInDidDocuments(URI pds) {
    pdsOverride = pds;
  }

  /** The app password is revoked: it no longer signs in, and its sessions end. */
  public void revokeAppPassword(String handle) {
    Account a = byHandle.get(handle);
    a.appPassword = null;
    access.values().removeIf(t -> t.did().equals(a.did));
    refresh.values().removeIf(t -> t.did().equals(a.did));
  }

  /** The account is taken down by the network's moderators. */
  public void takeDown(String handle) {
    byHandle.get(handle).takenDown = true;
  }

  /** Someone mentions {@code handle} in a post; it shows in the account's notifications. */
  public void mention(String handle, String authorHandle, String text) {
    Account to = byHandle.get(handle);
    String authorDid = byHandle.containsKey(authorHandle) ? byHandle.get(authorHandle).did : null;
    if (authorDid == null) authorDid = "did:plc:" + random(24);
    Instant now = Instant.now();
    ObjectNode n = JSON.createObjectNode();
    n.put("uri", "at://" + authorDid + "/app.bsky.feed.post/" + random(13))
        .put("cid", "bafyrei" + random(20))
        .put("reason", "mention")
        .put("isRead", false)
        .put("indexedAt", now.toString());
    n.putObject("author").put("did", authorDid).put("handle", authorHandle);
    n.putObject("record")
        .put("$type", "app.bsky.feed.post")
        .put("text", text)
        .put("createdAt", now.toString());
    notifications.get(to.did).add(0, n);
  }

  /** The post records in {@code did}'s repository, as stored. */
  public List<JsonNode> posts(String did) {
    List<JsonNode> out = new ArrayList<>();
    records.forEach(
        (uri, rec) -> {
          if (uri.startsWith("at://" + did + "/app.bsky.feed.post/")) out.add(rec.get("value"));
        });
    return out;
  }

  /** How many times a session was refreshed. */
  public int refreshes() {
    return refreshed.size();
  }

  /** Calls received, as "METHOD nsid". */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  private void resolveHandle(Context ctx) {
    calls.add("GET com.atproto.identity.resolveHandle");
    Account a = byHandle.get(String.valueOf(ctx.queryParam("handle")));
    if (a == null) {
      error(ctx, 400, "InvalidRequest", "Unable to resolve handle");
      return;
    }
    ctx.json(Map.of("did", a.did));
  }

  private void didDocument(Context ctx) {
    Account a = byDid.get(ctx.pathParam("did"));
    if (a == null) {
      ctx.status(404).json(Map.of("message", "DID not registered: " + ctx.pathParam("did")));
      return;
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("id", a.did);
    doc.putArray("alsoKnownAs").add("at://" + a.handle);
    ArrayNode services = doc.putArray("service");
    services
        .addObject()
        .put("id", "#atproto_pds")
        .put("type", "AtprotoPersonalDataServer")
        .put("serviceEndpoint", (pdsOverride != null ? pdsOverride : uri()).toString());
    ctx.contentType("application/did+ld+json").result(doc.toString());
  }

  private void createSession(Context ctx) throws Exception {
    calls.add("POST com.atproto.server.createSession");
    JsonNode body = JSON.readTree(ctx.body());
    String id = body.path("identifier").asText();
    Account a = byHandle.containsKey(id) ? byHandle.get(id) : byDid.get(id);
    String password = body.path("password").asText();
    if (a == null || a.appPassword == null || !a.appPassword.equals(password)) {
      error(ctx, 401, "AuthenticationRequired", "Invalid identifier or password");
      return;
    }
    if (a.takenDown) {
      error(ctx, 401, "AccountTakedown", "Account has been taken down");
      return;
    }
    ctx.json(session(a));
  }

  private void refreshSession(Context ctx) {
    calls.add("POST com.atproto.server.refreshSession");
    Token t = refresh.remove(bearer(ctx));
    if (t == null || t.expires().isBefore(Instant.now())) {
      error(ctx, 400, "ExpiredToken", "Token has been revoked");
      return;
    }
    refreshed.add(bearer(ctx));
    ctx.json(session(byDid.get(t.did())));
  }

  private void deleteSession(Context ctx) {
    calls.add("POST com.atproto.server.deleteSession");
    Token t = refresh.remove(bearer(ctx));
    if (t == null) {
      error(ctx, 400, "ExpiredToken", "Token has been revoked");
      return;
    }
    access.values().removeIf(a -> a.did().equals(t.did()));
    ctx.status(200);
  }

  private void listNotifications(Context ctx) {
    calls.add("GET app.bsky.notification.listNotifications");
    Account a = authed(ctx);
    if (a == null) return;
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("notifications");
    notifications.get(a.did).forEach(list::add);
    ctx.contentType("application/json").result(out.toString());
  }

  private void createRecord(Context ctx) throws Exception {
    calls.add("POST com.atproto.repo.createRecord");
    Account a = authed(ctx);
    if (a == null) return;
    JsonNode body = JSON.readTree(ctx.body());
    if (!a.did.equals(body.path("repo").asText())) {
      error(ctx, 400, "InvalidRequest", "Invalid repo");
      return;
    }
    if (!body.path("record").path("text").isTextual()) {
      error(ctx, 400, "InvalidRequest", "Invalid app.bsky.feed.post record: text must be a string");
      return;
    }
    String rkey = body.path("rkey").asText(random(13));
    String uri = "at://" + a.did + "/" + body.path("collection").asText() + "/" + rkey;
    if (records.containsKey(uri)) {
      error(ctx, 500, "InternalServerError", "Internal Server Error");
      return;
    }
    ObjectNode rec = JSON.createObjectNode();
    rec.put("uri", uri).put("cid", "bafyrei" + random(20)).set("value", body.get("record"));
    records.put(uri, rec);
    ctx.json(Map.of("uri", uri, "cid", rec.get("cid").asText()));
  }

  private void getRecord(Context ctx) {
    calls.add("GET com.atproto.repo.getRecord");
    String uri =
        "at://"
            + ctx.queryParam("repo")
            + "/"
            + ctx.queryParam("collection")
            + "/"
            + ctx.queryParam("rkey");
    ObjectNode rec = records.get(uri);
    if (rec == null) {
      error(ctx, 400, "RecordNotFound", "Could not locate record: " + uri);
      return;
    }
    ctx.contentType("application/json").result(rec.toString());
  }

  /** The account behind a live access token, or null after answering as the PDS does. */
  private Account authed(Context ctx) {
    String token = bearer(ctx);
    Token t = token == null ? null : access.get(token);
    if (t == null) {
      error(ctx, 401, "AuthenticationRequired", "Authentication Required");
      return null;
    }
    if (t.expires().isBefore(Instant.now())) {
      error(ctx, 400, "ExpiredToken", "Token has expired");
      return null;
    }
    return byDid.get(t.did());
  }

  private ObjectNode session(Account a) {
    Instant now = Instant.now();
    String accessJwt = jwt(a.did, "com.atproto.appPass", now.plus(accessLifetime));
    String refreshJwt = jwt(a.did, "com.atproto.refresh", now.plus(Duration.ofDays(90)));
    access.put(accessJwt, new Token(a.did, now.plus(accessLifetime)));
    refresh.put(refreshJwt, new Token(a.did, now.plus(Duration.ofDays(90))));
    ObjectNode s = JSON.createObjectNode();
    s.put("did", a.did)
        .put("handle", a.handle)
        .put("accessJwt", accessJwt)
        .put("refreshJwt", refreshJwt)
        .put("active", true);
    return s;
  }

  private static String jwt(String did, String scope, Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}";
    String payload =
        "{\"scope\":\""
            + scope
            + "\",\"sub\":\""
            + did
            + "\",\"iat\":"
            + Instant.now().getEpochSecond()
            + ",\"exp\":"
            + exp.getEpochSecond()
            + ",\"jti\":\""
            + random(16)
            + "\"}";
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + random(43);
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    return h != null && h.startsWith("Bearer ") ? h.substring(7) : null;
  }

  private static void error(Context ctx, int status, String error, String message) {
    ctx.status(status).json(Map.of("error", error, "message", message));
  }

  private static String random(int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @Override
  public void close() {
    server.stop();
  }
}
