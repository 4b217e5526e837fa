package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tracked links through the running app: a post sent to a (fake) Mastodon instance carries
 * /l/{code} links on the app's own address; following one redirects to the target with UTM
 * parameters and is counted as a click, or as a bot hit for previewers and HEAD requests; the Links
 * page, the post's clicks in the API, and who may change the settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinksAppTest {
  static final String FIREFOX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
  TestApp app;
  FakeMastodon mastodon;
  User owner;
  User editor;
  User viewer;
  Workspace acme;
  PostId post;
  String code;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start() throws Exception {
    app = TestApp.start(Files.createTempDirectory("chorus-links"));
    mastodon = new FakeMastodon();
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    editor = app.user("editor@example.com");
    app.add(acme, editor, Role.EDITOR);
    viewer = app.user("viewer@example.com");
    app.add(acme, viewer, Role.VIEWER);
    Channel c =
        app.core()
            .connectChannel
            .connect(
                new Actor(owner, acme, Role.OWNER, null),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Acme on Mastodon",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                    null));
    post =
        app.core()
            .db
            .inTransaction(
                h ->
                    app.core()
                        .schedulePost
                        .schedule(
                            h,
                            acme.id(),
                            owner.id().value(),
                            Instant.now(),
                            List.of(
                                new SchedulePost.Variant(
                                    c.id(),
                                    "Our new roast: https://shop.example/beans?ref=masto see"
                                        + " you there",
                                    null))));
    app.core().schedulePost.scheduled();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (mastodon.ownStatusContents().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(mastodon.ownStatusContents()).hasSize(1);
    Matcher m =
        Pattern.compile(Pattern.quote(app.url()) + "/l/([0-9A-Za-z]{10})")
            .matcher(mastodon.ownStatusContents().get(0));
    assertThat(m.find()).as(mastodon.ownStatusContents().get(0)).isTrue();
    code = m.group(1);
  }

  @AfterAll
  void stop() {
    if (app != null) app.close();
    if (mastodon != null) mastodon.close();
  }

  private HttpResponse<String> visit(String method, String path, String userAgent)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.url() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (userAgent != null) b.header("User-Agent", userAgent);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Api api(User u, Role r) {
    return new Api(
        app.url(),
        app.core()
            .issueToken
            .issue(new Actor(u, acme, r, null), "t", TokenScope.WRITE, 0)
            .secret());
  }

  @Test
  void theSentPostsLinkRedirectsWithUtmAndCountsPeopleApartFromBots() throws Exception {
    String target =
        "https://shop.example/beans?ref=masto&utm_source=mastodon&utm_medium=social"
            + "&utm_campaign=chorus&utm_content="
            + post.value();
    long before =
        api(owner, Role.OWNER)
            .get("/api/v1/posts/" + post.value() + "/clicks")
            .json()
            .path("clicks")
            .asLong();
    HttpResponse<String> click = visit("GET", "/l/" + code, FIREFOX);
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("Location")).contains(target);
    assertThat(click.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(visit("HEAD", "/l/" + code, FIREFOX).statusCode()).isEqualTo(302);
    assertThat(
            visit("GET", "/l/" + code, "Mastodon/4.3.0 (http.rb/5.2.0; +https://x.social/)")
                .statusCode())
        .isEqualTo(302);
    // Java's client names itself when told nothing: a library, not a person.
    assertThat(visit("GET", "/l/" + code, null).statusCode()).isEqualTo(302);

    var clicks = api(viewer, Role.VIEWER).get("/api/v1/posts/" + post.value() + "/clicks");
    assertThat(clicks.status()).as(clicks.raw()).isEqualTo(200);
    assertThat(clicks.json().path("clicks").asLong()).isEqualTo(before + 1);
    assertThat(clicks.json().path("bot_hits").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(clicks.json().at("/links/0/code").asText()).isEqualTo(code);
    assertThat(clicks.json().at("/links/0/url").asText())
        .isEqualTo("https://shop.example/beans?ref=masto");
    assertThat(clicks.json().at("/channels/0/channel_name").asText()).isEqualTo("Acme on Mastodon");

    var top = api(viewer, Role.VIEWER).get("/api/v1/links?days=30");
    assertThat(top.json().at("/top/0/code").asText()).isEqualTo(code);
    assertThat(api(viewer, Role.VIEWER).get("/api/v1/links?days=0").status()).isEqualTo(400);
  }

  @Test
  void anUnknownOrMalformedCodeIsANotFoundPage() throws Exception {
    HttpResponse<String> r = visit("GET", "/l/ZZZZZZZZZZ", FIREFOX);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Link not found");
    assertThat(visit("GET", "/l/not-a-code", FIREFOX).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherWorkspacesPostHasNoClicksForYou() {
    User outsider = app.user("outsider@example.com");
    Workspace other = app.workspace(outsider, "Other");
    Api theirs =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(new Actor(outsider, other, Role.OWNER, null), "t", TokenScope.WRITE, 0)
                .secret());
    assertThat(theirs.get("/api/v1/posts/" + post.value() + "/clicks").status()).isEqualTo(404);
  }

  @Test
  void everyMemberSeesTheLinksPageAndOnlyAdminsChangeTracking() {
    var page = new Browser(app.url()).signIn(viewer.email(), TestApp.PASSWORD);
    var doc = page.page("/w/acme/publish/links");
    assertThat(doc.text()).contains("Top links").contains("Clicks by channel");
    assertThat(doc.select("a[href=\"https://shop.example/beans?ref=masto\"]")).hasSize(1);
    assertThat(doc.select("#settings-title + p + form fieldset[disabled]")).hasSize(1);
    assertThat(page.post("/w/acme/publish/links/settings", "utm_campaign", "x").statusCode())
        .isEqualTo(403);

    var ed = new Browser(app.url()).signIn(editor.email(), TestApp.PASSWORD);
    ed.get("/w/acme/publish/links");
    assertThat(ed.post("/w/acme/publish/links/settings", "utm_campaign", "x").statusCode())
        .isEqualTo(403);
    assertThat(
            api(editor, Role.EDITOR)
                .send("PUT", "/api/v1/links/settings", "{\"tracking\":false}")
                .status())
        .isEqualTo(403);

    var admin = new Browser(app.url()).signIn(owner.email(), TestApp.PASSWORD);
    admin.get("/w/acme/publish/links");
    var bad =
        admin.post("/w/acme/publish/links/settings", "tracking", "on", "utm_campaign", "no spaces");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("the campaign must be");
    var ok =
        admin.post(
            "/w/acme/publish/links/settings", "tracking", "on", "utm_campaign", "spring-sale");
    assertThat(ok.statusCode()).isEqualTo(302);
    var viaApi = api(owner, Role.OWNER).get("/api/v1/links/settings");
    assertThat(viaApi.json().path("utm_campaign").asText()).isEqualTo("spring-sale");
    assertThat(viaApi.json().path("tracking").asBoolean()).isTrue();
    var put =
        api(owner, Role.OWNER)
            .send(
                "PUT", "/api/v1/links/settings", "{\"tracking\":true,\"utm_campaign\":\"chorus\"}");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
  }
}
