package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.account.User;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API: tokens, paging, errors and the generated OpenAPI document. */
class ApiTest {
  @TempDir Path dir;
  TestApp app;
  Api api;
  Workspace acme;
  User owner;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    String token =
        app.core()
            .issueToken
            .issue(new Actor(owner, acme, Role.OWNER, null), "test", TokenScope.WRITE, 0)
            .secret();
    api = new Api(app.url(), token);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void meNamesTheUserTheWorkspaceAndTheToken() {
    var r = api.get("/api/v1/me");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().at("/user/email").asText()).isEqualTo("owner@example.com");
    assertThat(r.json().at("/workspace/slug").asText()).isEqualTo("acme");
    assertThat(r.json().at("/role").asText()).isEqualTo("owner");
    assertThat(r.json().at("/token/scope").asText()).isEqualTo("write");
  }

  @Test
  void membersArePagedByCursorWithoutGapsOrRepeats() {
    for (int i = 0; i < 11; i++) app.add(acme, app.user("m" + i + "@example.com"), Role.VIEWER);
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      var r = api.get("/api/v1/members?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).isEqualTo(200);
      for (JsonNode m : r.json().get("items"))
        assertThat(seen.add(m.at("/user/id").asText())).isTrue();
      cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(12);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void errorsSayWhatAndWhere() {
    var badEmail =
        api.send("POST", "/api/v1/invitations", "{\"email\":\"nope\",\"role\":\"viewer\"}");
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.json().at("/error/code").asText()).isEqualTo("invalid");
    assertThat(badEmail.json().at("/error/field").asText()).isEqualTo("email");

    var malformed = api.send("POST", "/api/v1/invitations", "{\"email\": \"a@b.co\", \"role\": }");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/message").asText()).contains("line 1");

    var wrongType =
        api.send(
            "POST",
            "/api/v1/tokens",
            "{\"name\":\"x\",\"scope\":\"read\",\"expires_in_days\":\"soon\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/error/field").asText()).isEqualTo("expires_in_days");

    var unknown =
        api.send(
            "POST", "/api/v1/invitations", "{\"email\":\"a@b.co\",\"role\":\"viewer\",\"rol\":1}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/field").asText()).isEqualTo("rol");

    var badCursor = api.get("/api/v1/members?cursor=garbage!");
    assertThat(badCursor.status()).isEqualTo(400);
    assertThat(badCursor.json().at("/error/field").asText()).isEqualTo("cursor");

    var nowhere = api.get("/api/v1/nothing-here");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.json().at("/error/code").asText()).isEqualTo("not_found");
  }

  @Test
  void anOversizedBodyIs413() {
    String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
    var r = api.send("POST", "/api/v1/workspaces", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("too_large");
  }

  @Test
  void tokensCanBeCreatedListedAndRevoked() {
    var created =
        api.send(
            "POST",
            "/api/v1/tokens",
            "{\"name\":\"ci\",\"scope\":\"read\",\"expires_in_days\":30}");
    assertThat(created.status()).isEqualTo(201);
    String secret = created.json().get("secret").asText();
    String id = created.json().at("/token/id").asText();
    assertThat(new Api(app.url(), secret).get("/api/v1/me").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tokens").json().get("items")).hasSize(2);
    assertThat(api.send("DELETE", "/api/v1/tokens/" + id, null).json().get("status").asText())
        .isEqualTo("revoked");
    assertThat(new Api(app.url(), secret).get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentDescribesEveryOperationAndTheShapesReallyReturned() {
    JsonNode doc = new Api(app.url(), null).get("/api/openapi.json").json();
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    List<String> ops = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p -> p.getValue().fieldNames().forEachRemaining(m -> ops.add(m + " " + p.getKey())));
    assertThat(ops)
        .contains(
            "get /api/v1/me",
            "get /api/v1/members",
            "patch /api/v1/members/{userId}",
            "post /api/v1/invitations",
            "get /api/v1/audit",
            "delete /api/v1/tokens/{id}");
    JsonNode schemas = doc.at("/components/schemas");
    // The schema of MeJson lists exactly the fields the server sends.
    assertThat(fieldNames(schemas.at("/MeJson/properties")))
        .isEqualTo(fieldNames(api.get("/api/v1/me").json()));
    assertThat(fieldNames(schemas.at("/TokenJson/properties")))
        .isEqualTo(fieldNames(api.get("/api/v1/me").json().get("token")));
    assertThat(fieldNames(schemas.at("/ErrorBody/properties"))).containsExactly("error");
    assertThat(schemas.at("/TokenJson/properties/last_used_at/type").toString()).contains("null");
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> s = new java.util.TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) s.add(it.next());
    return s;
  }
}
