package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Approvals through the running app, role by role: a contributor submits from the post's review
 * page and cannot schedule or approve, a viewer cannot submit, an editor approves or sends back
 * from the Approvals page (with its nav badge), another workspace sees nothing, and a guest link
 * shows one post only, decides once, and stops working when it expired or the post changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalsAppTest {
  TestApp app;
  FakeMastodon mastodon;
  Workspace acme;
  final Map<Role, Actor> actors = new java.util.EnumMap<>(Role.class);
  Channel channel;
  User outsider;
  Workspace other;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.start(Files.createTempDirectory("chorus-approvals"));
    mastodon = new FakeMastodon();
    User owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    actors.put(Role.OWNER, new Actor(owner, acme, Role.OWNER, null));
    for (Role r : List.of(Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER)) {
      User u = app.user(r.key() + "@example.com");
      app.add(acme, u, r);
      actors.put(r, new Actor(u, acme, r, null));
    }
    outsider = app.user("outsider@example.com");
    other = app.workspace(outsider, "Other");
    channel =
        app.core()
            .connectChannel
            .connect(
                actors.get(Role.OWNER),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Acme on Mastodon",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                    null));
  }

  @AfterAll
  void stop() {
    if (app != null) app.close();
    if (mastodon != null) mastodon.close();
  }

  private Browser as(Role r) {
    return new Browser(app.url()).signIn(actors.get(r).user().email(), TestApp.PASSWORD);
  }

  private Api api(Actor a) {
    return new Api(app.url(), app.core().issueToken.issue(a, "t", TokenScope.WRITE, 0).secret());
  }

  private PostId draft(String text) {
    return app.core()
        .drafts
        .create(
            actors.get(Role.CONTRIBUTOR),
            new Draft(List.of(text), null, List.of(Draft.Variant.base(channel.id()))));
  }

  private String status(PostId post) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery("SELECT status FROM posts WHERE id = :id")
                    .bind("id", post.value())
                    .mapTo(String.class)
                    .one());
  }

  private static String inTwoHours() {
    return LocalDateTime.now(ZoneOffset.UTC)
        .plusHours(2)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
  }

  private String submitAsContributor(PostId post) {
    Browser c = as(Role.CONTRIBUTOR);
    String review = "/w/acme/publish/posts/" + post.value() + "/review";
    assertThat(c.page(review).select("#submit-title").text()).isEqualTo("Submit for approval");
    var r =
        c.post(
            "/w/acme/publish/posts/" + post.value() + "/submit",
            "when",
            "time",
            "due_local",
            inTwoHours(),
            "time_zone",
            "UTC",
            "note",
            "<b>for Monday</b>");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(status(post)).isEqualTo("pending_approval");
    return app.core()
        .db
        .read(h -> app.core().approvals.store.pendingOf(h, acme.id(), post).orElseThrow().id());
  }

  @Test
  void aContributorSubmitsButNeitherSchedulesNorApprovesAndAnEditorApproves() {
    PostId post = draft("Spring roast, out Monday");
    assertThatThrownBy(
            () ->
                app.core()
                    .scheduleDraft
                    .schedule(
                        actors.get(Role.CONTRIBUTOR),
                        post,
                        java.time.Instant.now().plusSeconds(3600),
                        "UTC"))
        .isInstanceOf(NotPermitted.class);
    String request = submitAsContributor(post);

    Browser c = as(Role.CONTRIBUTOR);
    assertThat(c.get("/w/acme/publish/approvals").statusCode()).isEqualTo(403);
    c.get("/w/acme/publish/posts/" + post.value() + "/review");
    assertThat(c.post("/w/acme/publish/approvals/" + request + "/approve").statusCode())
        .isEqualTo(403);
    assertThat(api(actors.get(Role.CONTRIBUTOR)).get("/api/v1/approvals").status()).isEqualTo(403);

    Browser e = as(Role.EDITOR);
    var page = e.page("/w/acme/publish/approvals");
    assertThat(page.select("#request-" + request).text()).contains("Spring roast, out Monday");
    // The badge counts what waits (other tests of this class may have left some waiting too).
    assertThat(page.select("[data-nav-badge=approvals]").text()).containsPattern("[1-9]");
    var listed = api(actors.get(Role.EDITOR)).get("/api/v1/approvals");
    assertThat(listed.json().path("items").findValuesAsText("id")).contains(request);
    var r = e.post("/w/acme/publish/approvals/" + request + "/approve", "comment", "Good");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(status(post)).isEqualTo("scheduled");
    // The thread on the review page keeps the note as text, never as markup.
    var review = e.page("/w/acme/publish/posts/" + post.value() + "/review");
    assertThat(review.select("#thread-title + ol").text())
        .contains("<b>for Monday</b>")
        .contains("approved it");
    assertThat(review.select("#thread-title + ol b")).isEmpty();
  }

  @Test
  void aViewerCannotSubmitAndAnotherWorkspaceSeesNothing() {
    PostId post = draft("Viewer test");
    Browser v = as(Role.VIEWER);
    String review = "/w/acme/publish/posts/" + post.value() + "/review";
    assertThat(v.page(review).select("#submit-title")).isEmpty();
    assertThat(
            v.post("/w/acme/publish/posts/" + post.value() + "/submit", "when", "queue")
                .statusCode())
        .isEqualTo(403);
    assertThat(status(post)).isEqualTo("draft");

    Browser stranger = new Browser(app.url()).signIn(outsider.email(), TestApp.PASSWORD);
    assertThat(stranger.get(review).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/w/other/publish/posts/" + post.value() + "/review").statusCode())
        .isEqualTo(404);
    Api theirs = api(new Actor(outsider, other, Role.OWNER, null));
    assertThat(theirs.send("POST", "/api/v1/posts/" + post.value() + "/submit", "{}").status())
        .isEqualTo(404);
  }

  @Test
  void theApiSubmitsListsAndRejectsWithAComment() {
    PostId post = draft("API test");
    var submitted =
        api(actors.get(Role.CONTRIBUTOR))
            .send(
                "POST",
                "/api/v1/posts/" + post.value() + "/submit",
                "{\"due_at\":\"" + inTwoHours() + "\",\"time_zone\":\"UTC\"}");
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    String request = submitted.json().path("id").asText();
    Api editor = api(actors.get(Role.EDITOR));
    var noComment =
        editor.send("POST", "/api/v1/approvals/" + request + "/reject", "{\"comment\":\" \"}");
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.json().at("/error/field").asText()).isEqualTo("comment");
    var rejected =
        editor.send("POST", "/api/v1/approvals/" + request + "/reject", "{\"comment\":\"Price?\"}");
    assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
    assertThat(status(post)).isEqualTo("rejected");
    var notice =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery("SELECT kind FROM post_notices WHERE post_id = :p")
                        .bind("p", post.value())
                        .mapTo(String.class)
                        .list());
    assertThat(notice).containsExactly("rejected");
  }

  @Test
  void aGuestLinkShowsOnlyItsPostDecidesOnceAndStopsWhenExpiredOrEdited() {
    PostId post = draft("For the client's eyes");
    submitAsContributor(post);
    Browser e = as(Role.EDITOR);
    e.get("/w/acme/publish/posts/" + post.value() + "/review");
    var made = e.post("/w/acme/publish/posts/" + post.value() + "/guest-links", "days", "7");
    assertThat(made.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile(Pattern.quote(app.url()) + "/guest/approve/([A-Za-z0-9_-]+)")
            .matcher(made.body());
    assertThat(m.find()).isTrue();
    String path = "/guest/approve/" + m.group(1);
    // Shown once: the review page does not show it again.
    assertThat(e.get("/w/acme/publish/posts/" + post.value() + "/review").body())
        .doesNotContain(m.group(1));

    Browser guest = new Browser(app.url());
    var view = guest.get(path);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains("For the client's eyes").doesNotContain("Sidebar");
    assertThat(view.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    var noName = guest.post(path, "decision", "approve", "guest_name", " ");
    assertThat(noName.statusCode()).isEqualTo(400);
    var ok = guest.post(path, "decision", "approve", "guest_name", "Dana from Northwind");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("You approved the post");
    assertThat(status(post)).isEqualTo("scheduled");
    assertThat(guest.get(path).body()).contains("already used");
    var audit =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery(
                            "SELECT actor_label FROM audit_log WHERE action = 'post.approved' AND"
                                + " target = :p")
                        .bind("p", post.value())
                        .mapTo(String.class)
                        .list());
    assertThat(audit).containsExactly("Dana from Northwind (guest)");

    // A link that expired, and one whose post was edited since, say so and decide nothing.
    PostId second = draft("Second for the client");
    submitAsContributor(second);
    var expiring =
        app.core().approvals.guests.create(actors.get(Role.EDITOR), second, Duration.ofDays(1));
    var edited =
        app.core().approvals.guests.create(actors.get(Role.EDITOR), second, Duration.ofDays(1));
    app.core()
        .db
        .inTransaction(
            h ->
                h.createUpdate("UPDATE guest_approval_links SET expires_at = 0 WHERE id = :id")
                    .bind("id", expiring.id())
                    .execute());
    assertThat(guest.get("/guest/approve/" + expiring.token()).body()).contains("has expired");
    app.core()
        .drafts
        .update(
            actors.get(Role.CONTRIBUTOR),
            second,
            new Draft(List.of("Second, edited"), null, List.of(Draft.Variant.base(channel.id()))));
    var after = guest.get("/guest/approve/" + edited.token());
    assertThat(after.body()).contains("was changed after this link was made");
    assertThat(after.body()).doesNotContain("Second, edited");
    assertThat(
            guest
                .post(
                    "/guest/approve/" + edited.token(), "decision", "approve", "guest_name", "Dana")
                .statusCode())
        .isEqualTo(409);
    assertThat(guest.get("/guest/approve/not-a-real-token-at-all-123").statusCode()).isEqualTo(404);

    // A wish that passed cannot be approved by a guest, who is told so in words.
    PostId third = draft("Third for the client");
    String request = submitAsContributor(third);
    var late =
        app.core().approvals.guests.create(actors.get(Role.EDITOR), third, Duration.ofDays(1));
    app.core()
        .db
        .inTransaction(
            h ->
                h.createUpdate("UPDATE approval_requests SET wished_due_at = 0 WHERE id = :id")
                    .bind("id", request)
                    .execute());
    guest.get("/guest/approve/" + late.token());
    var refused =
        guest.post("/guest/approve/" + late.token(), "decision", "approve", "guest_name", "Dana");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("The time planned for this post has passed");
    assertThat(status(third)).isEqualTo("pending_approval");
    assertThat(guest.get("/guest/approve/" + late.token()).body()).contains("Approve");
  }

  @Test
  void theComposerOffersContributorsSubmitForApprovalInsteadOfSchedule() {
    Browser c = as(Role.CONTRIBUTOR);
    var compose = c.page("/w/acme/publish/compose");
    assertThat(compose.select("button[value=submit]").text()).isEqualTo("Submit for approval");
    assertThat(compose.select("button[value=schedule]")).isEmpty();
    var editorCompose = as(Role.EDITOR).page("/w/acme/publish/compose");
    assertThat(editorCompose.select("button[value=schedule]")).hasSize(1);
    assertThat(editorCompose.select("button[value=submit]")).isEmpty();

    var r =
        c.post(
            "/w/acme/publish/compose",
            "channel",
            channel.id().value(),
            "part",
            "Written in the composer",
            "due_local",
            inTwoHours(),
            "time_zone",
            "UTC",
            "action",
            "submit");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/review?notice=approval-submitted");
    String id = location.replaceAll(".*/publish/posts/([^/]+)/review.*", "$1");
    assertThat(status(new PostId(id))).isEqualTo("pending_approval");
    // A contributor's "Schedule" is refused even when forced.
    PostId other = draft("Forced schedule");
    c.get("/w/acme/publish/posts/" + other.value());
    var forced =
        c.post(
            "/w/acme/publish/posts/" + other.value(),
            "channel",
            channel.id().value(),
            "part",
            "Forced schedule",
            "due_local",
            inTwoHours(),
            "time_zone",
            "UTC",
            "action",
            "schedule");
    assertThat(forced.statusCode()).isEqualTo(403);
    assertThat(status(other)).isEqualTo("draft");
  }
}
