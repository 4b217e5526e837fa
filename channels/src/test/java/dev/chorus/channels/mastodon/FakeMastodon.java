package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * A Mastodon instance on 127.0.0.1, written from the public API documentation
 * (docs.joinmastodon.org): statuses with Idempotency-Key, media v2 with asynchronous processing,
 * notifications and timelines with {@code min_id}/{@code max_id}/{@code since_id} paging and Link
 * headers, search v2, verify_credentials (with the follower count), statuses with their counts
 * (favourites, boosts, replies, quotes) and deletion, instance v2, OAuth apps with PKCE and
 * revocation, and the streaming API over WebSocket. It fails like Mastodon does on demand: 401 for
 * a bad or revoked token, 404, 422 validation errors, 429 with {@code X-RateLimit-*} headers after
 * a budget, 5xx, slow answers and malformed JSON. It records every request so tests can assert
 * exactly-once.
 */
public final class FakeMastodon implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "token-of-chorus";
  static final String ACCOUNT_ID = "1";

  /** A request as it arrived. */
  public record Received(
      String method, String path, String query, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  // The instance's configuration.
  volatile int maxCharacters = 500;
  volatile int maxMedia = 4;
  volatile long imageSizeLimit = 16L << 20;
  volatile int descriptionLimit = 1500;

  /** The connected account's followers_count. */
  volatile long followers = 42;

  /** Whether statuses carry quotes_count (Mastodon 4.5 and later; older instances do not). */
  volatile boolean quoteCounts = true;

  /** How many GET /api/v1/media/:id answer 206 before an upload is processed (0: synchronous). */
  volatile int mediaProcessingChecks = 0;

  // Data, in id order: Mastodon ids grow with time.
  final AtomicLong ids = new AtomicLong(110_000_000_000_000_000L);
  final Map<String, ObjectNode> statuses = new ConcurrentHashMap<>();
  final List<ObjectNode> notifications = new CopyOnWriteArrayList<>();
  final Map<String, ObjectNode> media = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> mediaChecksLeft = new ConcurrentHashMap<>();

  /** Idempotency-Key to status id, per account, as Mastodon keeps them (for an hour). */
  final Map<String, String> idempotency = new ConcurrentHashMap<>();

  final Set<String> tokens = ConcurrentHashMap.newKeySet();
  final List<Received> received = new CopyOnWriteArrayList<>();

  // Failures on demand.
  private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
  private final AtomicInteger failNextTimes = new AtomicInteger();
  private volatile int failStatus;
  private final AtomicInteger malformedNext = new AtomicInteger();
  private final AtomicInteger loseNextPostAnswer = new AtomicInteger();
  private volatile Duration slow = Duration.ZERO;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile int rateBudget = Integer.MAX_VALUE;
  private volatile Duration rateWindow = Duration.ofMinutes(5);
  private volatile Instant windowStart = Instant.now();
  private final AtomicInteger rateUsed = new AtomicInteger();

  final FakeMastodonOAuth oauth = new FakeMastodonOAuth(this);
  final FakeMastodonStreaming streaming = new FakeMastodonStreaming(this);
  private final Javalin server;

  public FakeMastodon() {
    tokens.add(TOKEN);
    FakeMastodonRoutes routes = new FakeMastodonRoutes(this);
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  routes.register(c.routes);
                  oauth.register(c.routes);
                  streaming.register(c.routes);
                })
            .start("127.0.0.1", 0);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    stopping.countDown();
    server.stop();
  }

  // ---- knobs ----

  /** The next {@code times} API calls answer {@code status} with a Mastodon error body. */
  void failNext(int status, int times) {
    failStatus = status;
    failNextTimes.set(times);
  }

  /**
   * Every API call to a path starting with {@code prefix} answers {@code status} with a Mastodon
   * error body, until {@link #healPath} (a listening source that fails while others work).
   */
  public void failPath(String prefix, int status) {
    failingPaths.put(prefix, status);
  }

  public void healPath(String prefix) {
    failingPaths.remove(prefix);
  }

  /** A public status by {@code acct}, as the hashtag timelines and search find it. */
  public ObjectNode addPublicStatus(String acct, String text) {
    return addStatus(acct, text, null);
  }

  /** A public status, stored and sent at once to the streams of its hashtags. */
  public ObjectNode pushStatus(String acct, String text) {
    return streaming.pushStatus(acct, text);
  }

  /** A mention of the account, stored and sent at once to every notification stream. */
  public ObjectNode pushMention(String acct, String text) {
    return streaming.pushNotification("mention", acct, text, null);
  }

  /** The streaming connections open now, as {@code user:notification} or {@code hashtag:tag}. */
  public List<String> openStreams() {
    return List.copyOf(streaming.sessions.values());
  }

  /** The next API call answers 200 with a body that is not JSON. */
  void malformedNext() {
    malformedNext.set(1);
  }

  /** The next status posted is created, but the answer is lost: 503 instead. */
  void loseNextPostAnswer() {
    loseNextPostAnswer.set(1);
  }

  /**
   * Each status posted is stored at once but answered only after {@code d}: a client killed in
   * between has posted without knowing it (what a retry's Idempotency-Key must absorb).
   */
  public void delayStatusAnswers(Duration d) {
    answerDelay = d;
  }

  volatile Duration answerDelay = Duration.ZERO;

  /** The text (HTML content) of every status the account posted, in id order. */
  public List<String> ownStatusContents() {
    return statusesBy(ACCOUNT_ID).stream().map(s -> s.path("content").asText()).toList();
  }

  /** Every API answer waits this long first. */
  void slow(Duration d) {
    slow = d;
  }

  /** {@code budget} API calls per {@code window}; then 429 until the window resets. */
  void rateLimit(int budget, Duration window) {
    rateBudget = budget;
    rateWindow = window;
    windowStart = Instant.now();
    rateUsed.set(0);
  }

  // ---- what tests read ----

  public List<Received> received(String method, String path) {
    return received.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  List<ObjectNode> statusesBy(String accountId) {
    return statuses.values().stream()
        .filter(s -> s.path("account").path("id").asText().equals(accountId))
        .sorted((a, b) -> MastodonItems.BY_ID.compare(a.path("id").asText(), b.path("id").asText()))
        .toList();
  }

  // ---- data a test adds ----

  /** A public status by someone else ({@code acct} like "ada@elsewhere.example"). */
  ObjectNode addStatus(String acct, String text, String inReplyToId) {
    ObjectNode s = status(account(acct), text, "public", null, "", inReplyToId, List.of());
    statuses.put(s.get("id").asText(), s);
    return s;
  }

  /**
   * A notification for the connected account. Mentions and quotes come with a new status by {@code
   * acct} saying {@code text}; boosts and favourites point at {@code ourStatusId}.
   */
  public ObjectNode addNotification(String type, String acct, String text, String ourStatusId) {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode status = null;
    if (type.equals("mention") || type.equals("quote")) {
      status = addStatus(acct, text, ourStatusId);
    } else if (ourStatusId != null) {
      status = statuses.get(ourStatusId);
    }
    n.put("id", nextId());
    n.put("type", type);
    n.put("created_at", Instant.now().toString());
    n.put("group_key", "ungrouped-" + n.get("id").asText());
    n.set("account", account(acct));
    if (status != null) n.set("status", status);
    notifications.add(n);
    return n;
  }

  /**
   * Sets a status's counts as Mastodon reports them; {@code quotes} is left out of the answer when
   * {@link #quoteCounts} is off.
   */
  void counts(String statusId, long favourites, long reblogs, long replies, long quotes) {
    ObjectNode s = statuses.get(statusId);
    s.put("favourites_count", favourites);
    s.put("reblogs_count", reblogs);
    s.put("replies_count", replies);
    s.put("quotes_count", quotes);
  }

  /** Deletes a status: from now on it is a 404, as on Mastodon. */
  void deleteStatus(String statusId) {
    statuses.remove(statusId);
  }

  // ---- entities ----

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  ObjectNode account(String acct) {
    boolean local = !acct.contains("@");
    String username = local ? acct : acct.substring(0, acct.indexOf('@'));
    String domain = local ? "127.0.0.1" : acct.substring(acct.indexOf('@') + 1);
    ObjectNode a = JSON.createObjectNode();
    a.put("id", acct.equals("chorus") ? ACCOUNT_ID : Integer.toString(Math.abs(acct.hashCode())));
    a.put("username", username);
    a.put("acct", acct);
    a.put("display_name", Character.toUpperCase(username.charAt(0)) + username.substring(1));
    a.put("url", "https://" + domain + "/@" + username);
    a.put("avatar", "https://" + domain + "/avatars/" + username + ".png");
    a.put(
        "note",
        "<p>Coffee for everyone. <a href=\"https://northwind.example\" rel=\"nofollow noopener\""
            + " target=\"_blank\">northwind.example</a> <a href=\"https://127.0.0.1/tags/coffee\""
            + " class=\"mention hashtag\" rel=\"tag\">#<span>coffee</span></a></p>");
    a.put("followers_count", acct.equals("chorus") ? followers : 42);
    ArrayNode fields = a.putArray("fields");
    ObjectNode f = fields.addObject();
    f.put("name", "Shop");
    f.put("value", "<a href=\"https://shop.northwind.example\">shop.northwind.example</a>");
    return a;
  }

  ObjectNode status(
      ObjectNode account,
      String text,
      String visibility,
      String language,
      String spoiler,
      String inReplyToId,
      List<ObjectNode> attachments) {
    String id = nextId();
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    String base = account.get("url").asText().replaceFirst("/@.*$", "");
    s.put("uri", base + "/users/" + account.get("username").asText() + "/statuses/" + id);
    s.put("url", account.get("url").asText() + "/" + id);
    s.put("created_at", Instant.now().toString());
    s.set("account", account);
    s.put("content", html(text));
    s.put("visibility", visibility);
    s.put("sensitive", spoiler != null && !spoiler.isEmpty());
    s.put("spoiler_text", spoiler == null ? "" : spoiler);
    if (language == null) s.putNull("language");
    else s.put("language", language);
    if (inReplyToId == null) {
      s.putNull("in_reply_to_id");
      s.putNull("in_reply_to_account_id");
    } else {
      s.put("in_reply_to_id", inReplyToId);
      ObjectNode parent = statuses.get(inReplyToId);
      s.put(
          "in_reply_to_account_id",
          parent == null ? null : parent.path("account").path("id").asText());
    }
    ArrayNode media = s.putArray("media_attachments");
    attachments.forEach(media::add);
    ArrayNode tags = s.putArray("tags");
    Matcher m = Pattern.compile("#([\\p{L}\\p{N}_]+)").matcher(text);
    while (m.find()) tags.addObject().put("name", m.group(1).toLowerCase(java.util.Locale.ROOT));
    s.putArray("mentions");
    s.put("reblogs_count", 0);
    s.put("favourites_count", 0);
    s.put("replies_count", 0);
    s.put("quotes_count", 0);
    return s;
  }

  /** Text as Mastodon renders it: paragraphs, line breaks, and links with a hidden scheme. */
  static String html(String text) {
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\n\n")) {
      String escaped = Entities.escape(para).replace("\n", "<br>");
      escaped =
          escaped.replaceAll(
              "(https?://)([^\\s<]+)",
              "<a href=\"$1$2\" rel=\"nofollow noopener\" target=\"_blank\"><span"
                  + " class=\"invisible\">$1</span><span class=\"\">$2</span></a>");
      out.append("<p>").append(escaped).append("</p>");
    }
    return out.toString();
  }

  // ---- the gate every API call passes ----

  /**
   * Wraps an API handler: records the request, then applies what was asked for (slowness, a
   * failure, the rate limit, the token check) before the handler, and malformed JSON after it.
   */
  Handler api(boolean authenticated, Handler h) {
    return ctx -> {
      record(ctx);
      if (!slow.isZero()) stopping.await(slow.toMillis(), TimeUnit.MILLISECONDS);
      for (Map.Entry<String, Integer> f : failingPaths.entrySet()) {
        if (ctx.path().startsWith(f.getKey())) {
          error(ctx, f.getValue(), f.getValue() >= 500 ? "Internal server error" : "Not found");
          return;
        }
      }
      if (failNextTimes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(ctx, failStatus, failStatus >= 500 ? "Internal server error" : "Failure on demand");
        return;
      }
      if (!rateLimited(ctx)) return;
      if (authenticated && !authorized(ctx)) {
        error(ctx, 401, "The access token is invalid");
        return;
      }
      h.handle(ctx);
      if (malformedNext.getAndSet(0) > 0) {
        ctx.status(200).contentType("application/json").result("{\"id\": \"1\", \"acct");
      }
    };
  }

  boolean loseThisPostAnswer() {
    return loseNextPostAnswer.getAndSet(0) > 0;
  }

  boolean authorized(Context ctx) {
    String auth = ctx.header("Authorization");
    return auth != null && auth.startsWith("Bearer ") && tokens.contains(auth.substring(7));
  }

  private boolean rateLimited(Context ctx) {
    Instant now = Instant.now();
    synchronized (this) {
      if (now.isAfter(windowStart.plus(rateWindow))) {
        windowStart = now;
        rateUsed.set(0);
      }
    }
    int used = rateUsed.incrementAndGet();
    int remaining = Math.max(0, rateBudget - used);
    if (rateBudget != Integer.MAX_VALUE) {
      ctx.header("X-RateLimit-Limit", Integer.toString(rateBudget));
      ctx.header("X-RateLimit-Remaining", Integer.toString(remaining));
      ctx.header("X-RateLimit-Reset", windowStart.plus(rateWindow).toString());
    }
    if (used > rateBudget) {
      error(ctx, 429, "Too many requests");
      return false;
    }
    return true;
  }

  void record(Context ctx) {
    Map<String, String> headers = new java.util.HashMap<>();
    ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    String body = type.startsWith("multipart/") ? "(multipart)" : ctx.body();
    received.add(new Received(ctx.method().name(), ctx.path(), ctx.queryString(), headers, body));
  }

  static void error(Context ctx, int status, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.put("error", message);
    ctx.status(status).contentType("application/json").result(e.toString());
  }

  static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ObjectNode> newestFirst(java.util.Collection<ObjectNode> entries) {
    List<ObjectNode> l = new ArrayList<>(entries);
    l.sort((a, b) -> MastodonItems.BY_ID.compare(b.path("id").asText(), a.path("id").asText()));
    return l;
  }
}
