package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.bluesky.BlueskySession;
import dev.chorus.channels.bluesky.FakeBluesky;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connecting a Bluesky account end to end against {@link FakeBluesky} (resolver, PLC directory and
 * PDS on loopback, configured as the instance's Bluesky directory): the form and the API, mentions
 * read on the app's own schedule, a post published through the stored channel, refreshed tokens
 * stored sealed, and every refusal shown on its field.
 */
class BlueskyConnectTest {
  static final String HANDLE = "acme.test";
  static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";

  @TempDir Path dir;
  FakeBluesky bluesky;
  TestApp app;
  String did;

  @BeforeEach
  void start() {
    bluesky = new FakeBluesky();
    did = bluesky.addAccount(HANDLE, APP_PASSWORD);
    app =
        TestApp.start(
            dir, c -> c.withBluesky(new Config.Bluesky(bluesky.uri(), bluesky.uri())), null);
    app.workspace(app.user("owner@example.com"), "Acme");
  }

  @AfterEach
  void stop() {
    app.close();
    bluesky.close();
  }

  @Test
  void anAdminConnectsABlueskyAccountInTheFormAndItsMentionsAreReadOnScheduleAndItPublishes()
      throws Exception {
    bluesky.mention(HANDLE, "ada.test", "@acme.test are you open on Sunday?");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    Document list = b.page("/w/acme/channels");
    assertThat(list.select("form[action$=/channels/bluesky] input[name=app_password]")).hasSize(1);
    assertThat(list.text()).contains("Settings → Privacy and security → App passwords");

    var done =
        b.post(
            "/w/acme/channels/bluesky",
            "bluesky_handle",
            "@Acme.test",
            "app_password",
            APP_PASSWORD,
            "bluesky_name",
            "");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    String location = done.headers().firstValue("Location").orElseThrow();
    String page = b.get(location.substring(0, location.indexOf('?'))).body();
    assertThat(page)
        .contains("@acme.test")
        .contains("are you open on Sunday?")
        .contains("Connected");

    Channel c = onlyChannel();
    assertThat(c.settings()).containsEntry("did", did);
    // The credentials are sealed, and their expiry is the session's, shown on the channel.
    String sealed = sealedSecret(c.id());
    assertThat(sealed).startsWith("v1.").doesNotContain(APP_PASSWORD).doesNotContain(did);
    assertThat(c.tokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(80)));
    assertThat(page).contains("Credentials expire");
    assertThat(auditActions()).contains("channel.connected");

    // A new mention is read by the app's poller once the channel is due.
    bluesky.mention(HANDLE, "bob.test", "@acme.test the new blend is lovely");
    app.core()
        .db
        .inTransaction(
            h ->
                h.createUpdate("UPDATE channels SET next_poll_at = :now WHERE id = :id")
                    .bind("now", Instant.now().toEpochMilli())
                    .bind("id", c.id().value())
                    .execute());
    Instant until = Instant.now().plusSeconds(20);
    while (itemTexts(c).stream().noneMatch(t -> t.contains("new blend"))
        && Instant.now().isBefore(until)) {
      Thread.sleep(200);
    }
    assertThat(itemTexts(c)).anyMatch(t -> t.contains("the new blend is lovely"));

    // The stored channel publishes through the same connector the scheduler uses.
    var connector = app.core().connectors.open(c, openSecret(c.id()));
    var ref =
        ((Publishes) connector)
            .publish(new OutgoingPost("Open Sunday 10–4 ☕", null, List.of(), null, "en"), "p-1");
    assertThat(ref.id()).startsWith("at://" + did + "/app.bsky.feed.post/");
    assertThat(bluesky.posts(did))
        .singleElement()
        .satisfies(p -> assertThat(p.path("text").asText()).isEqualTo("Open Sunday 10–4 ☕"));
  }

  @Test
  void theApiConnectsAnAccountAndRefreshedTokensAreStoredUntilTheAppPasswordIsRevoked() {
    // Access tokens that live 30 s are renewed before every use, so each read refreshes.
    bluesky.accessLifetime(Duration.ofSeconds(30));
    bluesky.mention(HANDLE, "ada.test", "@acme.test hello");
    Api api = ownerApi();
    var created =
        api.send(
            "POST",
            "/api/v1/channels/bluesky",
            "{\"handle\":\"acme.test\",\"app_password\":\"" + APP_PASSWORD + "\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.raw()).doesNotContain(APP_PASSWORD);
    JsonNode ch = created.json();
    assertThat(ch.get("network").asText()).isEqualTo("bluesky");
    assertThat(ch.get("health").asText()).isEqualTo("connected");
    assertThat(ch.get("token_expires_at").isNull()).isFalse();
    String id = ch.get("id").asText();

    // Each refresh token is single use: reads keep working without signing in again only if each
    // new one was stored. (The app's poller may have raced the first read; that is settled now.)
    int before = bluesky.calls().size();
    for (int i = 0; i < 3; i++) {
      var read = api.send("POST", "/api/v1/channels/" + id + "/read", null);
      assertThat(read.json().get("error").isNull()).as(read.raw()).isTrue();
    }
    List<String> calls = bluesky.calls().subList(before, bluesky.calls().size());
    assertThat(calls)
        .containsExactly(
            "POST com.atproto.server.refreshSession",
            "GET app.bsky.notification.listNotifications",
            "POST com.atproto.server.refreshSession",
            "GET app.bsky.notification.listNotifications",
            "POST com.atproto.server.refreshSession",
            "GET app.bsky.notification.listNotifications");
    BlueskySession.Credentials stored =
        BlueskySession.Credentials.fromJson(openSecret(new ChannelId(id)));
    assertThat(stored.did()).isEqualTo(did);
    assertThat(stored.refreshExpiresAt()).isNotNull();

    // The person revokes the app password on Bluesky: the channel says to reconnect.
    bluesky.revokeAppPassword(HANDLE);
    var failed = api.send("POST", "/api/v1/channels/" + id + "/read", null);
    assertThat(failed.json().get("error").asText())
        .contains("app password was refused")
        .contains("reconnect the channel");
    assertThat(api.get("/api/v1/channels/" + id).json().get("health").asText())
        .isEqualTo("failing");

    // Disconnecting ends the session on the PDS and deletes the credentials here.
    api.send("DELETE", "/api/v1/channels/" + id, null);
    assertThat(sealedSecret(new ChannelId(id))).isNull();
  }

  @Test
  void theFormShowsEachRefusalOnItsFieldAndNeverSendsThePasswordBack() {
    bluesky.addAccount("gone.test", "gone-pass-word-1234");
    bluesky.takeDown("gone.test");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");

    var unknown = connect(b, "nobody.test", "some-pass-word-1234");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(error(unknown.body(), "bluesky-handle-error"))
        .contains("no Bluesky account has the handle nobody.test");

    var wrong = connect(b, HANDLE, "wrong-pass-word-1234");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(error(wrong.body(), "bluesky-password-error"))
        .contains("Bluesky refused this app password for acme.test");
    assertThat(wrong.body()).doesNotContain("wrong-pass-word-1234");
    assertThat(Jsoup.parse(wrong.body()).select("#bluesky-handle").val()).isEqualTo(HANDLE);

    var takenDown = connect(b, "gone.test", "gone-pass-word-1234");
    assertThat(takenDown.statusCode()).isEqualTo(400);
    assertThat(error(takenDown.body(), "bluesky-handle-error")).contains("not active");

    var blank = connect(b, "not a handle", "");
    assertThat(error(blank.body(), "bluesky-handle-error")).contains("name.bsky.social");

    bluesky.pdsInDidDocuments(URI.create("http://127.0.0.1:1"));
    var unreachable = connect(b, HANDLE, APP_PASSWORD);
    assertThat(unreachable.statusCode()).isEqualTo(502);
    assertThat(error(unreachable.body(), "bluesky-handle-error"))
        .contains("cannot reach 127.0.0.1");
    assertThat(unreachable.body()).doesNotContain(APP_PASSWORD);

    List<Channel> none = app.core().db.read(h -> app.core().channels.list(h, workspaceId()));
    assertThat(none).isEmpty();
  }

  @Test
  void theApiNamesTheFieldAtFaultAndAnAccountIsConnectedOnce() {
    Api api = ownerApi();
    var wrong =
        api.send(
            "POST",
            "/api/v1/channels/bluesky",
            "{\"handle\":\"acme.test\",\"app_password\":\"nope-nope-nope-nope\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.raw()).contains("app_password").doesNotContain("nope-nope-nope-nope");

    String body = "{\"handle\":\"acme.test\",\"app_password\":\"" + APP_PASSWORD + "\"}";
    assertThat(api.send("POST", "/api/v1/channels/bluesky", body).status()).isEqualTo(201);
    var again = api.send("POST", "/api/v1/channels/bluesky", body);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.raw()).contains("already connected");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"EDITOR", "CONTRIBUTOR", "VIEWER"})
  void onlyAdminsAndOwnersConnectABlueskyAccount(Role role) {
    var ws = app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow();
    var user = app.user(role.key() + "@example.com");
    app.add(ws, user, role);
    Browser b = new Browser(app.url()).signIn(user.email(), TestApp.PASSWORD);
    b.get("/w/acme/channels");
    assertThat(connect(b, HANDLE, APP_PASSWORD).statusCode()).isEqualTo(403);
    String token =
        app.core()
            .issueToken
            .issue(new Actor(user, ws, role, null), "t", TokenScope.WRITE, 0)
            .secret();
    var api =
        new Api(app.url(), token)
            .send(
                "POST",
                "/api/v1/channels/bluesky",
                "{\"handle\":\"acme.test\",\"app_password\":\"" + APP_PASSWORD + "\"}");
    assertThat(api.status()).isEqualTo(403);
    // Refused before anything was asked of Bluesky.
    assertThat(bluesky.calls()).isEmpty();
  }

  private java.net.http.HttpResponse<String> connect(Browser b, String handle, String password) {
    return b.post("/w/acme/channels/bluesky", "bluesky_handle", handle, "app_password", password);
  }

  private static String error(String html, String id) {
    return Jsoup.parse(html).select("#" + id).text();
  }

  private Api ownerApi() {
    var owner =
        app.core().db.read(h -> app.core().users.byEmail(h, "owner@example.com")).orElseThrow();
    var ws = app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow();
    return new Api(
        app.url(),
        app.core()
            .issueToken
            .issue(new Actor(owner, ws, Role.OWNER, null), "t", TokenScope.WRITE, 0)
            .secret());
  }

  private dev.chorus.core.workspace.WorkspaceId workspaceId() {
    return app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow().id();
  }

  private Channel onlyChannel() {
    return app.core().db.read(h -> app.core().channels.list(h, workspaceId())).get(0);
  }

  private String sealedSecret(ChannelId id) {
    return app.core().db.read(h -> app.core().channels.sealedSecret(h, id)).orElse(null);
  }

  private String openSecret(ChannelId id) {
    return app.core().channelSecrets.open(id, sealedSecret(id));
  }

  private List<String> itemTexts(Channel c) {
    return app
        .core()
        .db
        .read(h -> app.core().channels.items(h, c.workspaceId(), c.id(), null, 50))
        .stream()
        .map(i -> i.item().text())
        .toList();
  }

  private List<String> auditActions() {
    return app.core()
        .db
        .read(h -> h.createQuery("SELECT action FROM audit_log").mapTo(String.class).list());
  }
}
