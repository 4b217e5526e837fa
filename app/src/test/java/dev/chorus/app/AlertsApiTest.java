package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.account.User;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts through the JSON API, as on the Alerts pages: list and acknowledge, read and change rules,
 * and choose destinations, with the pages' roles, no secret ever answered after the one answer that
 * shows it, another workspace's objects not found, and every operation in the OpenAPI document.
 */
class AlertsApiTest {
  @TempDir Path dir;
  TestApp app;
  User owner;
  Workspace acme;
  Api api;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    api = new Api(app.url(), token(owner, acme, Role.OWNER));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String token(User user, Workspace w, Role role) {
    return app.core()
        .issueToken
        .issue(new Actor(user, w, role, null), "t", TokenScope.WRITE, 0)
        .secret();
  }

  private Api member(String email, Role role) {
    User u = app.user(email);
    app.add(acme, u, role);
    return new Api(app.url(), token(u, acme, role));
  }

  private Api outsider() {
    User u = app.user("outsider@example.com");
    Workspace other = app.workspace(u, "Globex");
    return new Api(app.url(), token(u, other, Role.OWNER));
  }

  private Alert spike() {
    return AlertsAppTest.spike(app.core(), new Actor(owner, acme, Role.OWNER, null));
  }

  private List<String> auditActions() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : api.get("/api/v1/audit?limit=200").json().get("items")) {
      out.add(e.get("action").asText() + " " + e.get("target").asText());
    }
    return out;
  }

  @Test
  void alertsAreListedNewestFirstWithTheirFiguresAndAcknowledged() {
    Alert alert = spike();
    var list = api.get("/api/v1/alerts");
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    JsonNode a = list.json().at("/items/0");
    assertThat(a.get("id").asText()).isEqualTo(alert.id());
    assertThat(a.get("kind").asText()).isEqualTo("volume_spike");
    assertThat(a.get("query_id").asText()).isEqualTo(alert.queryId());
    assertThat(a.get("query_name").asText()).isEqualTo("Northwind");
    assertThat(a.get("window_minutes").asLong()).isEqualTo(15);
    assertThat(a.get("window_count").asLong()).isEqualTo(alert.windowCount());
    assertThat(a.get("baseline_mean").asDouble()).isEqualTo(alert.baselineMean());
    assertThat(a.get("headline").asText()).startsWith("Volume spike on Northwind: ");
    assertThat(a.get("state").asText()).isEqualTo("unacknowledged");
    assertThat(a.get("deliveries")).isEmpty();
    assertThat(list.json().get("next_cursor").isNull()).isTrue();
    assertThat(api.get("/api/v1/alerts?unacknowledged=true").json().get("items")).hasSize(1);
    var bad = api.get("/api/v1/alerts?unacknowledged=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/field").asText()).isEqualTo("unacknowledged");

    var ack = api.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null);
    assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
    assertThat(ack.json().get("state").asText()).isEqualTo("acknowledged");
    assertThat(ack.json().get("acknowledged_by_name").asText()).isEqualTo("Owner Tester");
    assertThat(ack.json().get("acknowledged_at").isNull()).isFalse();
    // Twice changes nothing, and is audited once.
    assertThat(api.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null).status())
        .isEqualTo(200);
    assertThat(auditActions()).containsOnlyOnce("alert.acknowledged " + alert.id());
    assertThat(api.get("/api/v1/alerts?unacknowledged=true").json().get("items")).isEmpty();
    assertThat(api.get("/api/v1/alerts").json().at("/items/0/state").asText())
        .isEqualTo("acknowledged");
    assertThat(api.get("/api/v1/alerts/" + alert.id()).json().get("state").asText())
        .isEqualTo("acknowledged");
    assertThat(api.get("/api/v1/alerts/nope").status()).isEqualTo(404);
  }

  @Test
  void alertsArePagedByCursorNewestFirst() {
    Alert first = spike();
    // Four older alerts of the same rule, one a minute before it.
    app.core()
        .db
        .inTransaction(
            h -> {
              for (int i = 1; i <= 4; i++) {
                app.core().alerts.store.insert(h, older(first, "older-" + i, i));
              }
              return null;
            });
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var r = api.get("/api/v1/alerts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      assertThat(r.json().get("items").size()).isLessThanOrEqualTo(2);
      for (JsonNode a : r.json().get("items")) seen.add(a.get("id").asText());
      cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
    } while (cursor != null);
    assertThat(seen).containsExactly(first.id(), "older-1", "older-2", "older-3", "older-4");
    var bad = api.get("/api/v1/alerts?cursor=garbage!");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/field").asText()).isEqualTo("cursor");
  }

  private static Alert older(Alert a, String id, int minutes) {
    Duration back = Duration.ofMinutes(minutes);
    return new Alert(
        id,
        a.workspaceId(),
        a.scope(),
        a.queryId(),
        a.scopeName(),
        a.kind(),
        a.followUp(),
        a.episodeStartedAt().minus(back),
        a.firedAt().minus(back),
        a.windowStart().minus(back),
        a.windowEnd().minus(back),
        a.windowCount(),
        a.windowNegative(),
        a.baselineMean(),
        a.baselineSd(),
        a.baselineShare(),
        a.score(),
        a.detail(),
        null,
        null,
        null);
  }

  @Test
  void rulesAreReadAndChangedWithThePagesValidation() {
    Alert alert = spike();
    String q = alert.queryId();
    var rules = api.get("/api/v1/alerts/rules");
    assertThat(rules.status()).as(rules.raw()).isEqualTo(200);
    JsonNode items = rules.json().get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("scope").asText()).isEqualTo(q);
    assertThat(items.get(0).get("name").asText()).isEqualTo("Northwind");
    assertThat(items.get(0).get("volume").asBoolean()).isTrue();
    assertThat(items.get(0).get("window").asInt()).isEqualTo(15);
    assertThat(items.get(0).get("sensitivity").asText()).isEqualTo("medium");
    assertThat(items.get(1).get("scope").asText()).isEqualTo("workspace");
    assertThat(items.get(1).get("volume").asBoolean()).isFalse();

    var changed =
        api.send(
            "PATCH",
            "/api/v1/alerts/rules/" + q,
            "{\"negative\":false,\"window\":30,\"baseline\":168,\"sensitivity\":\"low\","
                + "\"min_count\":5,\"cooldown\":120}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.json().get("window").asInt()).isEqualTo(30);
    assertThat(changed.json().get("volume").asBoolean()).isTrue();
    var saved = app.core().db.read(h -> app.core().alerts.store.rule(h, acme.id(), q));
    assertThat(saved.window()).isEqualTo(Duration.ofMinutes(30));
    assertThat(saved.baseline()).isEqualTo(Duration.ofDays(7));
    assertThat(saved.negative()).isFalse();
    assertThat(saved.minCount()).isEqualTo(5);
    assertThat(saved.coolDown()).isEqualTo(Duration.ofHours(2));
    assertThat(auditActions()).contains("alert_rule.changed " + q);

    // A bad value is a 400 naming the field, with the page's message; nothing changes.
    var badWindow = api.send("PATCH", "/api/v1/alerts/rules/" + q, "{\"window\":7}");
    assertThat(badWindow.status()).isEqualTo(400);
    assertThat(badWindow.json().at("/error/field").asText()).isEqualTo("window");
    assertThat(badWindow.json().at("/error/message").asText())
        .contains("choose a window of 5, 15, 30 or 60 minutes");
    var badSensitivity =
        api.send("PATCH", "/api/v1/alerts/rules/" + q, "{\"sensitivity\":\"extreme\"}");
    assertThat(badSensitivity.status()).isEqualTo(400);
    assertThat(badSensitivity.json().at("/error/field").asText()).isEqualTo("sensitivity");
    var badCount = api.send("PATCH", "/api/v1/alerts/rules/" + q, "{\"min_count\":0}");
    assertThat(badCount.json().at("/error/field").asText()).isEqualTo("min_count");
    assertThat(api.get("/api/v1/alerts/rules/" + q).json().get("window").asInt()).isEqualTo(30);

    // The workspace-wide rule is turned on the same way.
    var workspace =
        api.send("PATCH", "/api/v1/alerts/rules/workspace", "{\"volume\":true,\"min_count\":40}");
    assertThat(workspace.status()).as(workspace.raw()).isEqualTo(200);
    assertThat(workspace.json().get("volume").asBoolean()).isTrue();
    assertThat(workspace.json().get("query_id").isNull()).isTrue();
    assertThat(api.get("/api/v1/alerts/rules/workspace").json().get("min_count").asInt())
        .isEqualTo(40);
    assertThat(api.send("PATCH", "/api/v1/alerts/rules/nope", "{\"volume\":true}").status())
        .isEqualTo(404);
  }

  @Test
  void destinationsAreAddedListedAndRemovedWithoutEverAnsweringASecretAgain() {
    String url = "https://alerts:hunter2@hooks.example/chorus?channel=ops";
    var added =
        api.send(
            "POST",
            "/api/v1/alerts/destinations",
            "{\"kind\":\"webhook\",\"url\":\"" + url + "\"}");
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    String secret = added.json().get("secret").asText();
    assertThat(secret).startsWith("whsec_");
    String id = added.json().at("/destination/id").asText();
    assertThat(added.json().at("/destination/target").asText())
        .isEqualTo("https://***@hooks.example/chorus?channel=ops");
    assertThat(added.raw()).doesNotContain("hunter2");

    // An alert now queues a delivery to it; its list shows the address without credentials.
    Alert alert = spike();
    List<Api.Reply> answers = new ArrayList<>();
    answers.add(api.get("/api/v1/alerts/destinations"));
    answers.add(api.get("/api/v1/alerts"));
    answers.add(api.get("/api/v1/alerts/" + alert.id()));
    answers.add(api.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null));
    answers.add(api.get("/api/v1/audit?limit=200"));
    JsonNode list = answers.get(0).json().get("items");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asText()).isEqualTo(id);
    assertThat(list.get(0).get("kind").asText()).isEqualTo("webhook");
    JsonNode delivery = answers.get(1).json().at("/items/0/deliveries/0");
    assertThat(delivery.get("destination_id").asText()).isEqualTo(id);
    assertThat(delivery.get("status").asText()).isEqualTo("pending");
    assertThat(delivery.get("target").asText())
        .isEqualTo("https://***@hooks.example/chorus?channel=ops");

    // Without SMTP settings email is refused; a bad address or kind is named.
    var email =
        api.send(
            "POST",
            "/api/v1/alerts/destinations",
            "{\"kind\":\"email\",\"email\":\"team@acme.example\"}");
    assertThat(email.status()).isEqualTo(400);
    assertThat(email.json().at("/error/field").asText()).isEqualTo("kind");
    var badUrl =
        api.send(
            "POST", "/api/v1/alerts/destinations", "{\"kind\":\"webhook\",\"url\":\"ftp://x\"}");
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(badUrl.json().at("/error/field").asText()).isEqualTo("url");
    var badKind = api.send("POST", "/api/v1/alerts/destinations", "{\"kind\":\"pager\"}");
    assertThat(badKind.json().at("/error/field").asText()).isEqualTo("kind");

    var removed = api.send("DELETE", "/api/v1/alerts/destinations/" + id, null);
    assertThat(removed.status()).isEqualTo(204);
    answers.add(removed);
    answers.add(api.get("/api/v1/alerts/destinations"));
    answers.add(api.get("/api/v1/audit?limit=200"));
    assertThat(answers.get(answers.size() - 2).json().get("items")).isEmpty();
    assertThat(api.send("DELETE", "/api/v1/alerts/destinations/" + id, null).status())
        .isEqualTo(404);
    assertThat(auditActions())
        .contains(
            "alert_destination.added https://***@hooks.example/chorus?channel=ops",
            "alert_destination.removed https://***@hooks.example/chorus?channel=ops");
    for (Api.Reply r : answers) {
      assertThat(r.raw()).doesNotContain(secret).doesNotContain("hunter2");
    }
  }

  @Test
  void viewersReadButChangeNothingAndEditorsDoNotChooseDestinations() {
    Alert alert = spike();
    String dest =
        api.send(
                "POST",
                "/api/v1/alerts/destinations",
                "{\"kind\":\"webhook\",\"url\":\"https://hooks.example/a\"}")
            .json()
            .at("/destination/id")
            .asText();
    Api viewer = member("viewer@example.com", Role.VIEWER);
    assertThat(viewer.get("/api/v1/alerts").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/alerts/rules").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/alerts/destinations").status()).isEqualTo(403);
    assertThat(viewer.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null).status())
        .isEqualTo(403);
    assertThat(
            viewer
                .send("PATCH", "/api/v1/alerts/rules/" + alert.queryId(), "{\"window\":30}")
                .status())
        .isEqualTo(403);
    assertThat(
            viewer
                .send(
                    "POST",
                    "/api/v1/alerts/destinations",
                    "{\"kind\":\"webhook\",\"url\":\"https://hooks.example/v\"}")
                .status())
        .isEqualTo(403);
    assertThat(viewer.send("DELETE", "/api/v1/alerts/destinations/" + dest, null).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/alerts/" + alert.id()).json().get("state").asText())
        .isEqualTo("unacknowledged");

    Api editor = member("editor@example.com", Role.EDITOR);
    assertThat(
            editor
                .send("PATCH", "/api/v1/alerts/rules/" + alert.queryId(), "{\"window\":30}")
                .status())
        .isEqualTo(200);
    assertThat(editor.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null).status())
        .isEqualTo(200);
    assertThat(editor.get("/api/v1/alerts/destinations").status()).isEqualTo(403);
    assertThat(editor.send("DELETE", "/api/v1/alerts/destinations/" + dest, null).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/alerts/destinations").json().get("items")).hasSize(1);
  }

  @Test
  void anotherWorkspacesAlertsRulesAndDestinationsAreNotFound() {
    Alert alert = spike();
    String dest =
        api.send(
                "POST",
                "/api/v1/alerts/destinations",
                "{\"kind\":\"webhook\",\"url\":\"https://hooks.example/a\"}")
            .json()
            .at("/destination/id")
            .asText();
    Api theirs = outsider();
    assertThat(theirs.get("/api/v1/alerts/" + alert.id()).status()).isEqualTo(404);
    assertThat(theirs.send("POST", "/api/v1/alerts/" + alert.id() + "/acknowledge", null).status())
        .isEqualTo(404);
    assertThat(theirs.get("/api/v1/alerts/rules/" + alert.queryId()).status()).isEqualTo(404);
    assertThat(
            theirs
                .send("PATCH", "/api/v1/alerts/rules/" + alert.queryId(), "{\"window\":30}")
                .status())
        .isEqualTo(404);
    assertThat(theirs.send("DELETE", "/api/v1/alerts/destinations/" + dest, null).status())
        .isEqualTo(404);
    assertThat(theirs.get("/api/v1/alerts").json().get("items")).isEmpty();
    assertThat(theirs.get("/api/v1/alerts/destinations").json().get("items")).isEmpty();
    assertThat(theirs.get("/api/v1/alerts/rules").json().get("items")).hasSize(1);
    // Nothing of Acme's changed.
    assertThat(api.get("/api/v1/alerts/" + alert.id()).json().get("state").asText())
        .isEqualTo("unacknowledged");
    assertThat(api.get("/api/v1/alerts/rules/" + alert.queryId()).json().get("window").asInt())
        .isEqualTo(15);
    assertThat(api.get("/api/v1/alerts/destinations").json().get("items")).hasSize(1);
  }

  @Test
  void theOpenApiDocumentListsTheAlertOperationsAndTheirShapes() {
    Alert alert = spike();
    JsonNode doc = new Api(app.url(), null).get("/api/openapi.json").json();
    List<String> ops = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        m ->
                            ops.add(
                                m.getKey()
                                    + " "
                                    + p.getKey()
                                    + " "
                                    + m.getValue().get("operationId").asText())));
    assertThat(ops)
        .contains(
            "get /api/v1/alerts listAlerts",
            "get /api/v1/alerts/{id} getAlert",
            "post /api/v1/alerts/{id}/acknowledge acknowledgeAlert",
            "get /api/v1/alerts/rules listAlertRules",
            "get /api/v1/alerts/rules/{scope} getAlertRule",
            "patch /api/v1/alerts/rules/{scope} changeAlertRule",
            "get /api/v1/alerts/destinations listAlertDestinations",
            "post /api/v1/alerts/destinations addAlertDestination",
            "delete /api/v1/alerts/destinations/{id} removeAlertDestination");
    JsonNode schemas = doc.at("/components/schemas");
    JsonNode listed = api.get("/api/v1/alerts").json().at("/items/0");
    assertThat(fields(schemas.at("/AlertJson/properties"))).isEqualTo(fields(listed));
    JsonNode rule = api.get("/api/v1/alerts/rules/" + alert.queryId()).json();
    assertThat(fields(schemas.at("/AlertRuleJson/properties"))).isEqualTo(fields(rule));
    assertThat(fields(schemas.at("/AlertRuleRequest/properties")))
        .containsExactlyInAnyOrder(
            "volume", "negative", "window", "baseline", "sensitivity", "min_count", "cooldown");
    assertThat(doc.at("/paths/~1api~1v1~1alerts/get/parameters").toString())
        .contains("unacknowledged", "cursor", "limit");
  }

  private static Set<String> fields(JsonNode n) {
    Set<String> s = new TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) s.add(it.next());
    return s;
  }
}
