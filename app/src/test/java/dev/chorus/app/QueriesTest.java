package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.account.User;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved queries through the pages (with the live check) and the API. */
class QueriesTest {
  @TempDir Path dir;
  TestApp app;
  User owner;
  Workspace acme;
  Actor actor;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    actor = new Actor(owner, acme, Role.OWNER, null);
    // Something heard, stored as a webhook would store it.
    var c =
        app.core()
            .connectChannel
            .connect(
                actor,
                new ConnectChannel.Spec(
                    Network.WEBHOOK, "Desk", "webhook:desk", Map.of(), "s", null));
    List<InboundItem> items =
        List.of(
            item("1", "Northwind Coffee has the best oat latte"),
            item("2", "Traffic on the bridge again"),
            item("3", "Is #northwind open on Sunday? <script>alert(1)</script>"));
    app.core().pipeline.submit(new Heard(c, "", items, null)).join();
  }

  private static InboundItem item(String id, String text) {
    return new InboundItem(
        Network.WEBHOOK,
        "mention",
        new RemoteRef(id, null, null),
        "@ada",
        "Ada",
        null,
        null,
        text,
        Instant.now(),
        null,
        "en");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void theLiveCheckShowsTheErrorAtItsColumnOrWhatTheQueryWouldHaveMatched() {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/queries/new");
    var bad = b.post("/w/acme/queries/check", "query", "northwind NEAR/x coffee");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("column 11").contains("check-caret");
    var good = b.post("/w/acme/queries/check", "query", "northwind");
    assertThat(good.body()).contains("would have matched <strong>2</strong> of 3 items");
    assertThat(good.body()).doesNotContain("<script>alert(1)");
  }

  @Test
  void savingABadQueryKeepsTheFormWithTheErrorAndAGoodOneIsListed() {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/queries/new");
    var bad = b.post("/w/acme/queries", "name", "Brand", "query", "(northwind OR");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("(northwind OR").contains("column ");
    var ok =
        b.post("/w/acme/queries", "name", "Brand", "query", "\"northwind coffee\" OR #northwind");
    assertThat(ok.statusCode()).isEqualTo(302);
    String list = b.get("/w/acme/queries").body();
    assertThat(list).contains("Brand").contains("\"northwind coffee\" OR #northwind");
  }

  @Test
  void theApiSavesChecksChangesAndDeletesQueries() {
    String token = app.core().issueToken.issue(actor, "t", TokenScope.WRITE, 0).secret();
    Api api = new Api(app.url(), token);
    var bad = api.send("POST", "/api/v1/queries", "{\"name\":\"Q\",\"query\":\"a AND\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/field").asText()).isEqualTo("query");
    assertThat(bad.json().at("/error/message").asText()).startsWith("column ");
    var check = api.send("POST", "/api/v1/queries/check", "{\"query\":\"northwind AND latte\"}");
    assertThat(check.json().get("valid").asBoolean()).isTrue();
    assertThat(check.json().at("/preview/matched").asInt()).isEqualTo(1);
    var invalid =
        api.send("POST", "/api/v1/queries/check", "{\"query\":\"northwind NEAR/x coffee\"}");
    assertThat(invalid.json().get("valid").asBoolean()).isFalse();
    assertThat(invalid.json().at("/error/column").asInt()).isEqualTo(11);
    var created =
        api.send("POST", "/api/v1/queries", "{\"name\":\"Brand\",\"query\":\"northwind\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    var paused = api.send("PATCH", "/api/v1/queries/" + id, "{\"enabled\":false}");
    assertThat(paused.json().get("enabled").asBoolean()).isFalse();
    assertThat(api.send("DELETE", "/api/v1/queries/" + id, null).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/queries/" + id).status()).isEqualTo(404);
  }

  @Test
  void viewersCheckButDoNotSaveAndAnotherWorkspaceSeesNothing() {
    User viewer = app.user("viewer@example.com");
    app.add(acme, viewer, Role.VIEWER);
    var q =
        app.core()
            .saveQuery
            .save(
                actor,
                null,
                new dev.chorus.core.listening.SaveQuery.Draft("Brand", "northwind", List.of()));
    Browser b = new Browser(app.url()).signIn("viewer@example.com", TestApp.PASSWORD);
    b.get("/w/acme/queries");
    assertThat(b.post("/w/acme/queries/check", "query", "northwind").statusCode()).isEqualTo(200);
    assertThat(b.post("/w/acme/queries", "name", "X", "query", "x").statusCode()).isEqualTo(403);
    User other = app.user("other@example.com");
    Workspace beta = app.workspace(other, "Beta");
    String token =
        app.core()
            .issueToken
            .issue(new Actor(other, beta, Role.OWNER, null), "t", TokenScope.WRITE, 0)
            .secret();
    assertThat(new Api(app.url(), token).get("/api/v1/queries/" + q.id()).status()).isEqualTo(404);
  }
}
