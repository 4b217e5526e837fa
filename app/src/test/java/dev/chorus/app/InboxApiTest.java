package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.account.User;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox through the JSON API: list, read, triage, notes and replies, described by OpenAPI. */
class InboxApiTest {
  @TempDir Path dir;
  TestApp app;
  InboxFixture inbox;
  User owner;
  Workspace acme;
  Api api;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    inbox = new InboxFixture(app, owner, acme);
    api = new Api(app.url(), token(TokenScope.WRITE));
  }

  @AfterEach
  void stop() {
    app.close();
    inbox.close();
  }

  private String token(TokenScope scope) {
    return app.core()
        .issueToken
        .issue(new Actor(owner, acme, Role.OWNER, null), "t", scope, 0)
        .secret();
  }

  @Test
  void conversationsAreListedWithFiltersAndPagedByCursor() {
    for (int i = 0; i < 7; i++) inbox.deletedMention("p" + i + "@x.example", "P" + i, "hello " + i);
    inbox.mention("ada@elsewhere.example", "Ada", "Is the shop open on Sunday?");
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      var r =
          api.get("/api/v1/conversations?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      for (JsonNode c : r.json().get("items")) assertThat(seen.add(c.get("id").asText())).isTrue();
      cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
    } while (cursor != null);
    assertThat(seen).hasSize(8);
    var questions = api.get("/api/v1/conversations?question=true").json().get("items");
    assertThat(questions).hasSize(1);
    assertThat(questions.get(0).get("contact_name").asText()).isEqualTo("Ada");
    assertThat(questions.get(0).get("network").asText()).isEqualTo("mastodon");
    var bad = api.get("/api/v1/conversations?sentiment=angry");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/field").asText()).isEqualTo("sentiment");
  }

  @Test
  void aConversationIsReadTriagedNotedAndAnswered() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Do you ship to Norway?");
    var thread = api.get("/api/v1/conversations/" + id);
    assertThat(thread.status()).as(thread.raw()).isEqualTo(200);
    assertThat(thread.json().at("/items/0/text").asText()).isEqualTo("Do you ship to Norway?");
    assertThat(thread.json().at("/contact/handles/0/handle").asText())
        .isEqualTo("@ada@elsewhere.example");
    assertThat(thread.json().get("reply_max_length").asInt()).isEqualTo(500);

    var triaged =
        api.send(
            "PATCH",
            "/api/v1/conversations/" + id,
            "{\"status\":\"pending\",\"assignee\":\"me\",\"add_tags\":[\"shipping\"]}");
    assertThat(triaged.status()).as(triaged.raw()).isEqualTo(200);
    assertThat(triaged.json().get("status").asText()).isEqualTo("pending");
    assertThat(triaged.json().get("assignee_id").asText()).isEqualTo(owner.id().value());
    assertThat(triaged.json().get("tags").toString()).isEqualTo("[\"shipping\"]");
    assertThat(api.send("PATCH", "/api/v1/conversations/" + id, "{}").status()).isEqualTo(400);

    var note = api.send("POST", "/api/v1/conversations/" + id + "/notes", "{\"text\":\"VIP\"}");
    assertThat(note.status()).isEqualTo(201);
    assertThat(note.json().get("text").asText()).isEqualTo("VIP");

    var reply =
        api.send("POST", "/api/v1/conversations/" + id + "/replies", "{\"text\":\"Yes we do!\"}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    assertThat(reply.json().get("status").asText()).isEqualTo("sent");
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).hasSize(1);
    var after = api.get("/api/v1/conversations/" + id).json();
    assertThat(after.at("/conversation/first_response_at").isNull()).isFalse();
    assertThat(after.at("/replies/0/status").asText()).isEqualTo("sent");
  }

  @Test
  void aRefusedReplyIsStoredAsFailedWithTheNetworksReason() {
    String id = inbox.deletedMention("ada@elsewhere.example", "Ada", "Where is my order?");
    var reply =
        api.send("POST", "/api/v1/conversations/" + id + "/replies", "{\"text\":\"Checking\"}");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("status").asText()).isEqualTo("failed");
    assertThat(reply.json().get("error").asText()).contains("does not appear to exist");
    var tooLong =
        api.send(
            "POST",
            "/api/v1/conversations/" + id + "/replies",
            "{\"text\":\"" + "x".repeat(501) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().at("/error/field").asText()).isEqualTo("text");
  }

  @Test
  void manyConversationsAreTriagedAtOnceAllOrNone() {
    String a = inbox.mention("ada@elsewhere.example", "Ada", "one");
    String b = inbox.mention("bo@elsewhere.example", "Bo", "two");
    var r =
        api.send(
            "POST",
            "/api/v1/conversations/triage",
            "{\"ids\":[\"" + a + "\",\"" + b + "\"],\"status\":\"closed\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.json().get("changed").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/conversations?status=closed").json().get("items")).hasSize(2);
    var partly =
        api.send(
            "POST",
            "/api/v1/conversations/triage",
            "{\"ids\":[\"" + a + "\",\"NOPE\"],\"status\":\"open\"}");
    assertThat(partly.status()).isEqualTo(404);
    assertThat(api.get("/api/v1/conversations?status=closed").json().get("items")).hasSize(2);
  }

  @Test
  void readTokensOnlyReadAndAnotherWorkspacesConversationIsNotFound() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "hi");
    Api read = new Api(app.url(), token(TokenScope.READ));
    assertThat(read.get("/api/v1/conversations/" + id).status()).isEqualTo(200);
    assertThat(
            read.send("PATCH", "/api/v1/conversations/" + id, "{\"status\":\"closed\"}").status())
        .isEqualTo(403);
    User outsider = app.user("outsider@example.com");
    Workspace other = app.workspace(outsider, "Other");
    Api theirs =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(new Actor(outsider, other, Role.OWNER, null), "t", TokenScope.WRITE, 0)
                .secret());
    assertThat(theirs.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
    assertThat(
            theirs.send("PATCH", "/api/v1/conversations/" + id, "{\"status\":\"closed\"}").status())
        .isEqualTo(404);
    assertThat(
            theirs
                .send("POST", "/api/v1/conversations/" + id + "/replies", "{\"text\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(theirs.get("/api/v1/conversations?status=all").json().get("items")).isEmpty();
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).isEmpty();
  }

  @Test
  void theOpenApiDocumentDescribesTheInboxAsItAnswers() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "hi");
    JsonNode doc = new Api(app.url(), null).get("/api/openapi.json").json();
    JsonNode paths = doc.get("paths");
    assertThat(paths.has("/api/v1/conversations")).isTrue();
    assertThat(paths.at("/~1api~1v1~1conversations~1{id}").has("patch")).isTrue();
    assertThat(paths.at("/~1api~1v1~1conversations~1{id}~1replies").has("post")).isTrue();
    assertThat(paths.at("/~1api~1v1~1conversations~1{id}~1notes").has("post")).isTrue();
    assertThat(paths.at("/~1api~1v1~1conversations~1triage").has("post")).isTrue();
    JsonNode schemas = doc.at("/components/schemas");
    JsonNode thread = api.get("/api/v1/conversations/" + id).json();
    assertThat(fields(schemas.at("/ThreadJson/properties"))).isEqualTo(fields(thread));
    assertThat(fields(schemas.at("/ConversationJson/properties")))
        .isEqualTo(fields(thread.get("conversation")));
    assertThat(schemas.at("/ConversationJson/properties/sentiment/type").toString())
        .contains("number");
  }

  private static Set<String> fields(JsonNode n) {
    Set<String> s = new TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) s.add(it.next());
    return s;
  }
}
