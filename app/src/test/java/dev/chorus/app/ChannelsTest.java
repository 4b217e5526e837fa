package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.core.account.User;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following feeds through the pages and the API, against a local feed server. */
class ChannelsTest {
  @TempDir Path dir;
  TestApp app;
  Javalin feeds;
  String feedBase;
  final AtomicReference<String> feed = new AtomicReference<>();
  User owner;
  Workspace acme;

  static String rss(String... items) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Northwind blog</title>");
    for (int i = 0; i < items.length; i++) {
      b.append("<item><title>Post ")
          .append(i)
          .append("</title><guid>g")
          .append(i)
          .append("</guid><link>https://northwind.example/")
          .append(i)
          .append("</link><description>")
          .append(items[i])
          .append("</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  @BeforeEach
  void start() {
    feed.set(rss("Hello &lt;b&gt;world&lt;/b&gt;"));
    feeds =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/feed.xml",
                      ctx -> ctx.contentType("application/rss+xml").result(feed.get()));
                  c.routes.get(
                      "/site",
                      ctx ->
                          ctx.html(
                              "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head></html>"));
                  c.routes.get(
                      "/nofeed", ctx -> ctx.html("<!doctype html><html><body>hi</body></html>"));
                })
            .start("127.0.0.1", 0);
    feedBase = "http://127.0.0.1:" + feeds.port();
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
  }

  @AfterEach
  void stop() {
    app.close();
    feeds.stop();
  }

  /** An API client with a write token of the owner. */
  private Api ownerApi() {
    var actor = new Actor(owner, acme, Role.OWNER, null);
    return new Api(
        app.url(), app.core().issueToken.issue(actor, "t", TokenScope.WRITE, 0).secret());
  }

  /** Follows the local feed through the API; returns the channel id. */
  private String followFeed(Api api) {
    String body = "{\"address\":\"" + feedBase + "/feed.xml\"}";
    return api.send("POST", "/api/v1/channels/feeds", body).json().get("id").asText();
  }

  @Test
  void anAdminFollowsASiteAndSeesItsEntriesEscaped() {
    feed.set(
        rss(
            "Try this: &lt;script&gt;alert('xss')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"));
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var r =
        b.post(
            "/w/acme/channels/feeds", "address", feedBase + "/site", "name", "", "interval", "15");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    var page = b.get(location.substring(0, location.indexOf('?')));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Northwind blog")
        .contains("Connected")
        .contains("Post 0")
        .contains("<p class=\"item-body\">Try this:</p>");
    // The entry's markup was reduced to text and is shown escaped: no tag of the stranger's
    // survives.
    assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(b.get("/w/acme/channels").body()).contains(feedBase + "/feed.xml");
  }

  @Test
  void aPageWithoutAFeedIsRefusedWithTheReasonOnTheAddressField() {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var r = b.post("/w/acme/channels/feeds", "address", feedBase + "/nofeed", "interval", "15");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("links no RSS or Atom feed").contains("feed-address-error");
  }

  @Test
  void theApiFollowsReadsListsAndDisconnectsWithoutLosingWhatWasHeard() {
    Api api = ownerApi();
    var created =
        api.send(
            "POST",
            "/api/v1/channels/feeds",
            "{\"address\":\"" + feedBase + "/feed.xml\",\"interval_minutes\":5}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("health").asText()).isEqualTo("connected");
    feed.set(rss("one", "two"));
    var read = api.send("POST", "/api/v1/channels/" + id + "/read", null);
    assertThat(read.json().get("added").asInt()).isEqualTo(1);
    var again = api.send("POST", "/api/v1/channels/" + id + "/read", null);
    assertThat(again.json().get("added").asInt()).isZero();
    assertThat(api.get("/api/v1/channels/" + id + "/items").json().get("items")).hasSize(2);
    var dup =
        api.send("POST", "/api/v1/channels/feeds", "{\"address\":\"" + feedBase + "/feed.xml\"}");
    assertThat(dup.status()).isEqualTo(409);
    var gone = api.send("DELETE", "/api/v1/channels/" + id, null);
    assertThat(gone.json().get("health").asText()).isEqualTo("disconnected");
    assertThat(api.get("/api/v1/channels/" + id + "/items").json().get("items")).hasSize(2);
  }

  @Test
  void aBrokenFeedShowsItsReasonOnTheChannelsHealth() {
    Api api = ownerApi();
    String id = followFeed(api);
    feed.set("<html><body>maintenance</body></html>");
    var read = api.send("POST", "/api/v1/channels/" + id + "/read", null);
    assertThat(read.json().get("error").asText()).contains("is a web page, not a feed");
    assertThat(read.json().at("/channel/health").asText()).isEqualTo("failing");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    assertThat(b.get("/w/acme/channels/" + id).body()).contains("is a web page, not a feed");
  }

  @Test
  void viewersSeeChannelsButCannotConnectOrDisconnect() {
    User viewer = app.user("viewer@example.com");
    app.add(acme, viewer, Role.VIEWER);
    Browser b = new Browser(app.url()).signIn("viewer@example.com", TestApp.PASSWORD);
    assertThat(b.get("/w/acme/channels").statusCode()).isEqualTo(200);
    assertThat(b.post("/w/acme/channels/feeds", "address", feedBase + "/feed.xml").statusCode())
        .isEqualTo(403);
  }

  @Test
  void withTheProductionPolicyAFeedOnAPrivateAddressIsRefused() {
    app.close();
    app = TestApp.start(dir.resolve("prod"), c -> c.withNetwork(NetworkPolicy.production()), null);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    var r =
        ownerApi()
            .send("POST", "/api/v1/channels/feeds", "{\"address\":\"" + feedBase + "/feed.xml\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/field").asText()).isEqualTo("address");
    assertThat(r.json().at("/error/message").asText()).contains("loopback address");
  }

  private static String sign(String secret, long ts, String body) {
    return "sha256="
        + java.util.HexFormat.of()
            .formatHex(dev.chorus.channels.webhook.ReceiveWebhook.hmac(secret, ts + "." + body));
  }

  private static Api.Reply deliver(String url, long ts, String signature, String body) {
    try {
      var req =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
              .header("Content-Type", "application/json")
              .header("X-Chorus-Timestamp", Long.toString(ts))
              .header("X-Chorus-Signature", signature)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
              .build();
      var r =
          java.net.http.HttpClient.newHttpClient()
              .send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(
          r.statusCode(),
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()),
          r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSignedWebhookDeliveryIsStoredOnceAndEverythingElseIsRefusedWithAReason() {
    Api api = ownerApi();
    var created = api.send("POST", "/api/v1/channels/webhooks", "{\"name\":\"Support desk\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String url = created.json().get("url").asText();
    String secret = created.json().get("secret").asText();
    String id = created.json().at("/channel/id").asText();
    long now = java.time.Instant.now().getEpochSecond();
    String body =
        "{\"items\":[{\"id\":\"t-1\",\"text\":\"Is the shop open on Sunday?\",\"author\":{\"handle\":\"@ada\"}},{\"id\":\"t-2\",\"text\":\"Great coffee\"}]}";

    var ok = deliver(url, now, sign(secret, now, body), body);
    assertThat(ok.status()).as(ok.raw()).isEqualTo(202);
    assertThat(ok.json().get("accepted").asInt()).isEqualTo(2);
    var replay = deliver(url, now, sign(secret, now, body), body);
    assertThat(replay.json().get("duplicates").asInt()).isEqualTo(2);
    // Binary or wrongly encoded text is kept aside with its reason, not stored as a mention.
    String mixed = "{\"items\":[{\"id\":\"t-3\",\"text\":\"bin\\u0000ary\"}]}";
    var partly = deliver(url, now, sign(secret, now, mixed), mixed);
    assertThat(partly.status()).as(partly.raw()).isEqualTo(202);
    assertThat(partly.json().get("accepted").asInt()).isEqualTo(0);
    assertThat(partly.json().get("quarantined").asInt()).isEqualTo(1);
    String reason =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery("SELECT reason FROM quarantined_items WHERE remote_id = 't-3'")
                        .mapTo(String.class)
                        .one());
    assertThat(reason).startsWith("binary: a NUL character");

    assertThat(deliver(url, now, sign("wrong", now, body), body).status()).isEqualTo(403);
    var stale = deliver(url, now - 3600, sign(secret, now - 3600, body), body);
    assertThat(stale.status()).isEqualTo(403);
    assertThat(stale.json().at("/error/message").asText()).contains("possible replay");
    String bad = "{\"items\":[{\"id\":\"x\",\"text\":42}]}";
    var invalid = deliver(url, now, sign(secret, now, bad), bad);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/error/field").asText()).isEqualTo("items[0].text");
    assertThat(deliver(app.url() + "/api/v1/hooks/NOPE", now, "sha256=00", body).status())
        .isEqualTo(404);

    var items = api.get("/api/v1/channels/" + id + "/items").json().get("items");
    assertThat(items).hasSize(2);
    assertThat(items.toString()).contains("Is the shop open on Sunday?").contains("@ada");
  }

  @Test
  void theWebhookPageShowsTheSecretOnceAndTheSendingInstructions() {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var created = b.post("/w/acme/channels/webhooks", "webhook_name", "Reviews");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body())
        .contains("whsec_")
        .contains("/api/v1/hooks/")
        .contains("X-Chorus-Signature");
    var list = b.get("/w/acme/channels").body();
    assertThat(list).contains("Reviews").contains("Inbound webhook");
    String id = org.jsoup.Jsoup.parse(list).select("a[href*=/channels/]").attr("href");
    assertThat(b.get(id).body()).doesNotContain("whsec_");
  }

  @Test
  void aDisconnectedChannelReconnectsUnderTheSameIdAndAWebhookGetsANewSecret() {
    Api api = ownerApi();
    String feedId =
        api.send("POST", "/api/v1/channels/feeds", "{\"address\":\"" + feedBase + "/feed.xml\"}")
            .json()
            .get("id")
            .asText();
    api.send("DELETE", "/api/v1/channels/" + feedId, null);
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels/" + feedId);
    var r = b.post("/w/acme/channels/" + feedId + "/reconnect");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(api.get("/api/v1/channels/" + feedId).json().get("health").asText())
        .isEqualTo("connected");
    assertThat(api.send("POST", "/api/v1/channels/" + feedId + "/reconnect", null).status())
        .isEqualTo(409);

    var hook = api.send("POST", "/api/v1/channels/webhooks", "{\"name\":\"Desk\"}").json();
    String hookId = hook.at("/channel/id").asText();
    String oldSecret = hook.get("secret").asText();
    api.send("DELETE", "/api/v1/channels/" + hookId, null);
    var back = api.send("POST", "/api/v1/channels/" + hookId + "/reconnect", null);
    assertThat(back.status()).isEqualTo(200);
    String newSecret = back.json().get("secret").asText();
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
    long now = java.time.Instant.now().getEpochSecond();
    String body = "{\"id\":\"1\",\"text\":\"hi\"}";
    String url = hook.get("url").asText();
    assertThat(deliver(url, now, sign(oldSecret, now, body), body).status()).isEqualTo(403);
    assertThat(deliver(url, now, sign(newSecret, now, body), body).status()).isEqualTo(202);
  }
}
