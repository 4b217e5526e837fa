package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting a Mastodon account end to end against FakeMastodon: OAuth with PKCE through the
 * browser's redirects, the first read of notifications, and revocation on disconnect.
 */
class MastodonConnectTest {
  @TempDir Path dir;
  TestApp app;
  FakeMastodon mastodon;

  @BeforeEach
  void start() {
    mastodon = new FakeMastodon();
    app = TestApp.start(dir);
    var owner = app.user("owner@example.com");
    app.workspace(owner, "Acme");
  }

  @AfterEach
  void stop() {
    app.close();
    mastodon.close();
  }

  @Test
  void anAdminConnectsAMastodonAccountByOauthAndItsNotificationsAreHeard() throws Exception {
    mastodon.addNotification(
        "mention", "ada@elsewhere.example", "@chorus is Acme open on Sunday?", null);
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var start = b.post("/w/acme/channels/mastodon", "instance", mastodon.uri().toString());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String authorize = Jsoup.parse(start.body()).select("a.btn-primary[href]").attr("href");
    assertThat(authorize)
        .startsWith(mastodon.uri() + "/oauth/authorize")
        .contains("code_challenge=");

    // The person approves on their server, which sends the browser back to Chorus.
    HttpResponse<String> approved =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(approved.statusCode()).isEqualTo(302);
    String callback = approved.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(app.url() + "/oauth/mastodon/callback?code=");
    var done = b.get(callback.substring(app.url().length()));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    String channelPage = done.headers().firstValue("Location").orElseThrow();
    String page = b.get(channelPage.substring(0, channelPage.indexOf('?'))).body();
    assertThat(page)
        .contains("@chorus@127.0.0.1")
        .contains("Connected")
        .contains("is Acme open on Sunday?");

    // The token is stored sealed, and a second use of the callback is refused.
    String sealed =
        app.core()
            .db
            .read(h -> h.createQuery("SELECT secret FROM channels").mapTo(String.class).one());
    assertThat(sealed).startsWith("v1.").doesNotContain("token");
    assertThat(b.get(callback.substring(app.url().length())).statusCode()).isEqualTo(404);

    // Disconnecting revokes the token on the server.
    var owner =
        app.core().db.read(h -> app.core().users.byEmail(h, "owner@example.com")).orElseThrow();
    var ws = app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow();
    Api api =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(new Actor(owner, ws, Role.OWNER, null), "t", TokenScope.WRITE, 0)
                .secret());
    String id = api.get("/api/v1/channels").json().at("/items/0/id").asText();
    assertThat(api.send("DELETE", "/api/v1/channels/" + id, null).json().get("health").asText())
        .isEqualTo("disconnected");
    assertThat(mastodon.received("POST", "/oauth/revoke")).hasSize(1);
  }

  @Test
  void aServerThatIsNotMastodonIsRefusedOnTheInstanceField() {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var r = b.post("/w/acme/channels/mastodon", "instance", "http://127.0.0.1:1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("mastodon-instance-error");
  }
}
