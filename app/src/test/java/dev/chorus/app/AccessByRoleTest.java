package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.account.User;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every class of route, for every role: what each may reach, and what others see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessByRoleTest {
  TestApp app;
  Workspace acme;
  Workspace other;
  User outsider;
  InboxFixture inbox;
  String conversation;
  final Map<Role, User> users = new EnumMap<>(Role.class);
  final Map<Role, String> tokens = new EnumMap<>(Role.class);

  @BeforeAll
  void start() throws java.io.IOException {
    app = TestApp.start(java.nio.file.Files.createTempDirectory("chorus-access"));
    User owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    users.put(Role.OWNER, owner);
    for (Role r : Role.values()) {
      if (r == Role.OWNER) continue;
      User u = app.user(r.key() + "@example.com");
      app.add(acme, u, r);
      users.put(r, u);
    }
    for (Role r : Role.values()) {
      var actor = new Actor(users.get(r), acme, r, null);
      tokens.put(r, app.core().issueToken.issue(actor, "t", TokenScope.WRITE, 0).secret());
    }
    outsider = app.user("outsider@example.com");
    other = app.workspace(outsider, "Other");
    inbox = new InboxFixture(app, owner, acme);
    // A mention of a post since deleted: a reply reaches the network and is refused there.
    conversation = inbox.deletedMention("ada@elsewhere.example", "Ada", "Hello?");
  }

  @AfterAll
  void stop() {
    app.close();
    if (inbox != null) inbox.close();
  }

  private Browser as(Role r) {
    return new Browser(app.url()).signIn(users.get(r).email(), TestApp.PASSWORD);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyMemberSeesTheWorkspacePages(Role role) {
    Browser b = as(role);
    for (String p :
        new String[] {
          "/w/acme",
          "/w/acme/members",
          "/w/acme/tokens",
          "/account",
          "/w/acme/channels",
          "/w/acme/queries",
          "/w/acme/queries/new",
          "/w/acme/inbox",
          "/w/acme/inbox?status=all&q=hello",
          "/w/acme/inbox/rows",
          "/w/acme/inbox/" + conversation,
          "/w/acme/inbox/" + conversation + "/live",
          "/w/acme/alerts",
          "/w/acme/alerts?show=all",
          "/w/acme/alerts/settings",
          "/w/acme/publish/problems",
          "/w/acme/publish/notices",
          "/w/acme/publish/notices?show=all",
          "/w/acme/publish/settings",
          "/w/acme/publish/drafts",
          "/w/acme/publish/hashtags",
          "/w/acme/publish/queue",
          "/w/acme/publish/calendar",
          "/w/acme/publish/calendar?view=month&date=2026-02-01",
          "/w/acme/publish/recurring",
          "/w/acme/publish/automations",
          "/w/acme/publish/links",
          "/w/acme/publish/links?days=90"
        }) {
      assertThat(b.get(p).statusCode()).as(role + " GET " + p).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyAdminsAndOwnersSeeTheAuditLog(Role role) {
    int status = as(role).get("/w/acme/audit").statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 200 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyAdminsAndOwnersInvite(Role role) {
    Browser b = as(role);
    b.get("/w/acme/members");
    int status =
        b.post(
                "/w/acme/members/invite",
                "email",
                role.key() + "-guest@example.com",
                "role",
                "viewer")
            .statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 201 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyOwnersChangeAnOwnersRole(Role role) {
    User target = app.user("co-owner-" + role.key() + "@example.com");
    app.add(acme, target, Role.OWNER);
    Browser b = as(role);
    b.get("/w/acme/members");
    int status = b.post("/w/acme/members/" + target.id() + "/role", "role", "viewer").statusCode();
    assertThat(status).as(role.key()).isEqualTo(role == Role.OWNER ? 302 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void apiReadsNeedMembershipAndAdminReadsNeedAdmin(Role role) {
    Api api = new Api(app.url(), tokens.get(role));
    assertThat(api.get("/api/v1/members").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/audit").status())
        .as(role.key())
        .isEqualTo(role.atLeast(Role.ADMIN) ? 200 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void apiWritesFollowTheRole(Role role) {
    Api api = new Api(app.url(), tokens.get(role));
    var r =
        api.send(
            "POST",
            "/api/v1/invitations",
            "{\"email\":\"api-" + role.key() + "@example.com\",\"role\":\"viewer\"}");
    assertThat(r.status())
        .as(role.key() + " " + r.raw())
        .isEqualTo(role.atLeast(Role.ADMIN) ? 201 : 403);
    if (r.status() == 403)
      assertThat(r.json().at("/error/code").asText()).isEqualTo("not_permitted");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void contributorsAndAboveComposeAndOnlyAdminsRequireAltText(Role role) {
    Browser b = as(role);
    int compose = b.get("/w/acme/publish/compose").statusCode();
    assertThat(compose).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 200 : 403);
    b.get("/w/acme/publish/settings");
    int alt = b.post("/w/acme/publish/settings/alt-text").statusCode();
    assertThat(alt).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 302 : 403);
    var api =
        new Api(app.url(), tokens.get(role))
            .send("POST", "/api/v1/posts/validate", "{\"parts\":[\"Hi\"],\"channels\":[]}");
    assertThat(api.status()).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 200 : 403);
  }

  @Test
  void anotherWorkspaceIsNotFoundNotForbidden() {
    Browser b = as(Role.OWNER);
    for (String p : new String[] {"/w/other", "/w/other/members", "/w/other/audit"}) {
      assertThat(b.get(p).statusCode()).as(p).isEqualTo(404);
    }
    b.get("/w/acme/members");
    assertThat(
            b.post("/w/other/members/invite", "email", "x@example.com", "role", "viewer")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anotherWorkspacesObjectIsNotFoundThroughTheApi() {
    var outsiderActor = new Actor(outsider, other, Role.OWNER, null);
    var invitation = app.core().inviteMember.invite(outsiderActor, "z@example.com", Role.VIEWER);
    Api api = new Api(app.url(), tokens.get(Role.OWNER));
    var r = api.send("DELETE", "/api/v1/invitations/" + invitation.invitation().id(), null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(
            api.send("PATCH", "/api/v1/members/" + outsider.id(), "{\"role\":\"viewer\"}").status())
        .isEqualTo(404);
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndTheApiAnswers401() {
    Browser b = new Browser(app.url());
    var r = b.get("/w/acme/members");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("/signin?next="));
    assertThat(b.get("/account").statusCode()).isEqualTo(302);
    var api = new Api(app.url(), null).get("/api/v1/me");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.json().at("/error/code").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void aReadTokenCannotWrite() {
    var actor = new Actor(users.get(Role.OWNER), acme, Role.OWNER, null);
    String read = app.core().issueToken.issue(actor, "ro", TokenScope.READ, 0).secret();
    Api api = new Api(app.url(), read);
    assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    var r =
        api.send(
            "POST", "/api/v1/invitations", "{\"email\":\"q@example.com\",\"role\":\"viewer\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().at("/error/message").asText()).contains("read-only");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void editorsAndAboveChangeAlertRules(Role role) {
    Browser b = as(role);
    b.get("/w/acme/alerts/settings");
    int status =
        b.post(
                "/w/acme/alerts/rules/workspace",
                "volume",
                "on",
                "window",
                "15",
                "baseline",
                "24",
                "sensitivity",
                "medium",
                "min_count",
                "20",
                "cooldown",
                "60")
            .statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 302 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyEditorsSeeApprovalsAndOnlyAdminsChangeLinkTracking(Role role) {
    Browser b = as(role);
    int approvals = b.get("/w/acme/publish/approvals").statusCode();
    assertThat(approvals).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 200 : 403);
    b.get("/w/acme/publish/links");
    int links =
        b.post("/w/acme/publish/links/settings", "tracking", "on", "utm_campaign", "chorus")
            .statusCode();
    assertThat(links).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 302 : 403);
    Api api = new Api(app.url(), tokens.get(role));
    assertThat(api.get("/api/v1/approvals").status())
        .as(role.key())
        .isEqualTo(role.atLeast(Role.EDITOR) ? 200 : 403);
    assertThat(api.get("/api/v1/links").status()).as(role.key()).isEqualTo(200);
    assertThat(
            api.send(
                    "PUT",
                    "/api/v1/links/settings",
                    "{\"tracking\":true,\"utm_campaign\":\"chorus\"}")
                .status())
        .as(role.key())
        .isEqualTo(role.atLeast(Role.ADMIN) ? 200 : 403);
    // Public pages answer anyone, and only for what exists.
    assertThat(b.get("/l/AAAAAAAAAA").statusCode()).isEqualTo(404);
    assertThat(b.get("/guest/approve/not-a-token-of-this-server-0123").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyEditorsAndAboveChangeTheQueueImportAndSetTheTimeZone(Role role) {
    Browser b = as(role);
    b.get("/w/acme/publish/queue");
    int zone = b.post("/w/acme/publish/queue/zone", "time_zone", "UTC").statusCode();
    assertThat(zone).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 302 : 403);
    int page = b.get("/w/acme/publish/import").statusCode();
    assertThat(page).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 200 : 403);
    b.get("/w/acme/publish/queue");
    int imported =
        b.post("/w/acme/publish/import", "csv", "channels,text,due\nNowhere,Hi,2030-01-01 10:00\n")
            .statusCode();
    // An editor's import runs (its one row is refused: no such channel); the others may not.
    assertThat(imported).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 400 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyAdminsAndOwnersChooseWhereAlertsGo(Role role) {
    Browser b = as(role);
    b.get("/w/acme/alerts/settings");
    int status =
        b.post("/w/acme/alerts/destinations/webhook", "url", "https://hooks.example/" + role.key())
            .statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 200 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void editorsAndAboveSaveQueries(Role role) {
    Browser b = as(role);
    b.get("/w/acme/queries/new");
    int status = b.post("/w/acme/queries", "name", "Q " + role.key(), "query", "acme").statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 302 : 403);
    var api =
        new Api(app.url(), tokens.get(role))
            .send(
                "POST",
                "/api/v1/queries",
                "{\"name\":\"A " + role.key() + "\",\"query\":\"acme\"}");
    assertThat(api.status()).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 201 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void onlyAdminsAndOwnersConnectChannels(Role role) {
    Browser b = as(role);
    b.get("/w/acme/channels");
    int status =
        b.post("/w/acme/channels/webhooks", "webhook_name", "Hook " + role.key()).statusCode();
    assertThat(status).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 201 : 403);
    var api =
        new Api(app.url(), tokens.get(role))
            .send("POST", "/api/v1/channels/webhooks", "{\"name\":\"Api " + role.key() + "\"}");
    assertThat(api.status()).as(role.key()).isEqualTo(role.atLeast(Role.ADMIN) ? 201 : 403);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void contributorsTriageTheInboxAndEditorsReplyAndKeepCannedReplies(Role role) {
    Browser b = as(role);
    String base = "/w/acme/inbox/" + conversation;
    b.get(base);
    int note = b.post(base + "/notes", "note", "from " + role.key()).statusCode();
    assertThat(note).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 302 : 403);
    int tag = b.post(base + "/tags", "tag", role.key()).statusCode();
    assertThat(tag).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 302 : 403);
    int bulk = b.post("/w/acme/inbox/bulk", "action", "pending", "ids", conversation).statusCode();
    assertThat(bulk).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 302 : 403);
    // The network refuses (the post is gone): an editor gets the conversation back with the reason.
    int reply = b.post(base + "/reply", "text", "hi from " + role.key()).statusCode();
    assertThat(reply).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 200 : 403);
    int canned = b.get("/w/acme/inbox/canned").statusCode();
    assertThat(canned).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 200 : 403);

    Api api = new Api(app.url(), tokens.get(role));
    assertThat(api.get("/api/v1/conversations?status=all").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/conversations/" + conversation).status()).isEqualTo(200);
    var triage =
        api.send("PATCH", "/api/v1/conversations/" + conversation, "{\"status\":\"open\"}");
    assertThat(triage.status())
        .as(role.key())
        .isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 200 : 403);
    var noted =
        api.send("POST", "/api/v1/conversations/" + conversation + "/notes", "{\"text\":\"n\"}");
    assertThat(noted.status()).as(role.key()).isEqualTo(role.atLeast(Role.CONTRIBUTOR) ? 201 : 403);
    var replied =
        api.send("POST", "/api/v1/conversations/" + conversation + "/replies", "{\"text\":\"x\"}");
    assertThat(replied.status()).as(role.key()).isEqualTo(role.atLeast(Role.EDITOR) ? 201 : 403);
  }

  @Test
  void anotherWorkspacesConversationIsNotFoundInTheInbox() {
    Browser b = new Browser(app.url()).signIn(outsider.email(), TestApp.PASSWORD);
    assertThat(b.get("/w/other/inbox/" + conversation).statusCode()).isEqualTo(404);
    assertThat(b.get("/w/acme/inbox").statusCode()).isEqualTo(404);
    assertThat(b.get("/w/acme/inbox/events").statusCode()).isEqualTo(404);
  }
}
