package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Delivery;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing failures are never silent, through the real app and its scheduler against a
 * FakeMastodon: a refused post shows on the problems page with its reason and in its author's
 * notices (the bell, the dashboard, the notices page); editors send it again or discard it, held
 * posts are sent now; everyone else only reads. The same through the API, and the publishing
 * settings page where admins choose what happens to missed posts.
 */
class PublishProblemsAppTest {
  @TempDir Path dir;
  TestApp app;
  FakeMastodon mastodon;
  Workspace acme;
  Channel channel;
  final Map<Role, User> users = new EnumMap<>(Role.class);

  @BeforeEach
  void start() {
    mastodon = new FakeMastodon();
    app = TestApp.start(dir);
    User owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    users.put(Role.OWNER, owner);
    for (Role r : Role.values()) {
      if (r == Role.OWNER) continue;
      User u = app.user(r.key() + "@example.com");
      app.add(acme, u, r);
      users.put(r, u);
    }
    channel =
        app.core()
            .connectChannel
            .connect(
                actor(Role.OWNER),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Acme on Mastodon",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                    null));
  }

  @AfterEach
  void stop() {
    app.close();
    mastodon.close();
  }

  private Actor actor(Role r) {
    return new Actor(users.get(r), acme, r, null);
  }

  private Browser as(Role r) {
    return new Browser(app.url()).signIn(users.get(r).email(), TestApp.PASSWORD);
  }

  private Api api(Role r) {
    return new Api(
        app.url(), app.core().issueToken.issue(actor(r), "t", TokenScope.WRITE, 0).secret());
  }

  /** A post by {@code author}, due now, that the peer refuses: the scheduler fails it. */
  private PostId refused(Role author, String text) {
    mastodon.failPath("/api/v1/statuses", 422);
    PostId post = schedule(author, text, Instant.now());
    await(() -> "failed".equals(deliveryStatus(post)), "the delivery fails");
    mastodon.healPath("/api/v1/statuses");
    return post;
  }

  private PostId schedule(Role author, String text, Instant due) {
    var core = app.core();
    PostId post =
        core.db.inTransaction(
            h ->
                core.schedulePost.schedule(
                    h,
                    acme.id(),
                    users.get(author).id().value(),
                    due,
                    List.of(new SchedulePost.Variant(channel.id(), text, null))));
    core.schedulePost.scheduled();
    return post;
  }

  /**
   * A post that fell due while the server was down in a workspace that holds such posts: held in
   * the transaction that stores it (as the scheduler does on start), before any claim can see it.
   */
  private PostId held(Role author, String text) {
    var core = app.core();
    Instant due = Instant.now().minus(Duration.ofMinutes(30));
    return core.db.inTransaction(
        h -> {
          core.deliveries.setMissedPosts(
              h, acme.id(), dev.chorus.core.publishing.MissedPosts.HOLD, Instant.now());
          PostId post =
              core.schedulePost.schedule(
                  h,
                  acme.id(),
                  users.get(author).id().value(),
                  due,
                  List.of(new SchedulePost.Variant(channel.id(), text, null)));
          for (Delivery d :
              core.deliveries.holdMissed(h, Instant.now().minusSeconds(60), Instant.now(), "t")) {
            core.deliveries.notice(h, core.ids.next(), d, "held", "Held: " + text, Instant.now());
          }
          return post;
        });
  }

  private String deliveryStatus(PostId post) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery("SELECT status FROM deliveries WHERE post_id = :p")
                    .bind("p", post.value())
                    .mapTo(String.class)
                    .one());
  }

  private String deliveryId(PostId post) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery("SELECT id FROM deliveries WHERE post_id = :p")
                    .bind("p", post.value())
                    .mapTo(String.class)
                    .one());
  }

  private static void await(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private long onPeer(String text) {
    return mastodon.ownStatusContents().stream().filter(c -> c.contains(text)).count();
  }

  @Test
  void aRefusedPostIsShownToEveryoneAndItsAuthorAndAnEditorSendsItAgain() {
    PostId post = refused(Role.CONTRIBUTOR, "Launch <script>alert(1)</script> day");
    String id = deliveryId(post);

    // The author: the bell counts it, the dashboard and the notices page say what happened.
    Browser author = as(Role.CONTRIBUTOR);
    Document dash = author.page("/w/acme");
    assertThat(dash.select("[data-bell-count]").text()).isEqualTo("1");
    Element unread = dash.selectFirst("#dash-notices-title").closest("section");
    assertThat(unread.text()).contains("Failed", "Acme on Mastodon", "Launch <script>");
    String html = author.get("/w/acme/publish/notices").body();
    assertThat(html).contains("Launch &lt;script&gt;").doesNotContain("<script>alert");
    Document notices = author.page("/w/acme/publish/notices");
    assertThat(notices.select(".problem-item")).hasSize(1);
    assertThat(notices.select(".problem-reason").text()).isNotBlank();

    // Someone else has no notice about it, but sees the problem; a viewer cannot act on it.
    Browser viewer = as(Role.VIEWER);
    assertThat(viewer.page("/w/acme").select("[data-bell-count]")).isEmpty();
    Document problems = viewer.page("/w/acme/publish/problems");
    Element row = problems.getElementById("delivery-" + id);
    assertThat(row).isNotNull();
    assertThat(row.text())
        .contains("Failed", "Acme on Mastodon", "1 attempt", "Contributor Tester");
    assertThat(row.select("button")).isEmpty();
    assertThat(
            problems
                .selectFirst("a.nav-link[href='/w/acme/publish/problems'] .nav-badge")
                .ownText())
        .isEqualTo("1");
    assertThat(viewer.post("/w/acme/publish/problems/" + id + "/retry").statusCode())
        .isEqualTo(403);
    Browser contributor = as(Role.CONTRIBUTOR);
    contributor.get("/w/acme/publish/problems");
    assertThat(contributor.post("/w/acme/publish/problems/" + id + "/retry").statusCode())
        .isEqualTo(403);
    assertThat(deliveryStatus(post)).isEqualTo("failed");

    // An editor sends it again: it goes out once.
    Browser editor = as(Role.EDITOR);
    Document editorView = editor.page("/w/acme/publish/problems");
    assertThat(editorView.getElementById("delivery-" + id).select("button").eachText())
        .containsExactly("Send again", "Discard");
    var done = editor.post("/w/acme/publish/problems/" + id + "/retry");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/w/acme/publish/problems?notice=problem-retried");
    await(() -> "published".equals(deliveryStatus(post)), "the retry is published");
    assertThat(onPeer("alert(1)")).isEqualTo(1);
    assertThat(editor.page("/w/acme/publish/problems").select(".problem-item")).isEmpty();
    // Sending again what is already out is refused without harm.
    var twice = editor.post("/w/acme/publish/problems/" + id + "/retry");
    assertThat(twice.headers().firstValue("Location").orElseThrow()).endsWith("problem-moved");
    assertThat(onPeer("alert(1)")).isEqualTo(1);

    // The author marks the notice read: the bell goes quiet.
    String noticeId = notices.selectFirst(".problem-item").id().substring("notice-".length());
    author.get("/w/acme/publish/notices");
    assertThat(author.post("/w/acme/publish/notices/" + noticeId + "/read").statusCode())
        .isEqualTo(302);
    assertThat(author.page("/w/acme").select("[data-bell-count]")).isEmpty();
    assertThat(author.page("/w/acme/publish/notices?show=all").select(".problem-item.row-dim"))
        .hasSize(1);
    // Nobody marks another member's notice.
    editor.get("/w/acme/publish/notices");
    assertThat(editor.post("/w/acme/publish/notices/" + noticeId + "/read").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aHeldPostIsSentNowAndAnotherDiscarded() {
    PostId sendIt = held(Role.OWNER, "Held and sent");
    PostId dropIt = held(Role.OWNER, "Held and dropped");
    Browser editor = as(Role.EDITOR);
    Document page = editor.page("/w/acme/publish/problems");
    Element row = page.getElementById("delivery-" + deliveryId(sendIt));
    assertThat(row.text()).contains("Held", "0 attempts");
    assertThat(row.select("button").eachText()).containsExactly("Send now", "Discard");
    assertThat(editor.post("/w/acme/publish/problems/" + deliveryId(sendIt) + "/send").statusCode())
        .isEqualTo(302);
    assertThat(
            editor.post("/w/acme/publish/problems/" + deliveryId(dropIt) + "/discard").statusCode())
        .isEqualTo(302);
    await(() -> "published".equals(deliveryStatus(sendIt)), "the held post goes out");
    assertThat(deliveryStatus(dropIt)).isEqualTo("cancelled");
    assertThat(onPeer("Held and sent")).isEqualTo(1);
    assertThat(onPeer("Held and dropped")).isZero();
    Document audit = as(Role.OWNER).page("/w/acme/audit");
    assertThat(audit.text()).contains("delivery released", "delivery discarded");
  }

  @Test
  void theApiListsProblemsActsOnThemAndReadsNotices() {
    PostId failed = refused(Role.OWNER, "API refused");
    PostId held = held(Role.OWNER, "API held");
    Api viewer = api(Role.VIEWER);
    Api.Reply list = viewer.get("/api/v1/deliveries/problems");
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    JsonNode items = list.json().get("items");
    assertThat(items).hasSize(2);
    JsonNode first = items.get(0);
    assertThat(first.get("status").asText()).isEqualTo("held");
    assertThat(first.get("text").asText()).isEqualTo("API held");
    assertThat(first.get("channel_name").asText()).isEqualTo("Acme on Mastodon");
    JsonNode second = items.get(1);
    assertThat(second.get("status").asText()).isEqualTo("failed");
    assertThat(second.get("attempts").asInt()).isEqualTo(1);
    assertThat(second.get("reason").asText()).isNotBlank();
    assertThat(second.get("key_expired").asBoolean()).isFalse();
    assertThat(second.hasNonNull("first_attempt_at")).isTrue();

    String failedId = deliveryId(failed);
    String heldId = deliveryId(held);
    assertThat(viewer.send("POST", "/api/v1/deliveries/" + failedId + "/retry", null).status())
        .isEqualTo(403);
    assertThat(
            api(Role.CONTRIBUTOR)
                .send("POST", "/api/v1/deliveries/" + heldId + "/send", null)
                .status())
        .isEqualTo(403);
    Api editor = api(Role.EDITOR);
    // A held delivery is not retried, nor a failed one "sent now": 409 and nothing changes.
    Api.Reply wrong = editor.send("POST", "/api/v1/deliveries/" + failedId + "/send", null);
    assertThat(wrong.status()).isEqualTo(409);
    assertThat(wrong.json().at("/error/message").asText()).contains("not held");
    Api.Reply retried = editor.send("POST", "/api/v1/deliveries/" + failedId + "/retry", null);
    assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
    assertThat(retried.json().get("status").asText()).isEqualTo("scheduled");
    Api.Reply discarded = editor.send("POST", "/api/v1/deliveries/" + heldId + "/discard", null);
    assertThat(discarded.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(editor.send("POST", "/api/v1/deliveries/" + heldId + "/send", null).status())
        .isEqualTo(409);
    await(() -> "published".equals(deliveryStatus(failed)), "the retry is published");
    assertThat(onPeer("API refused")).isEqualTo(1);

    // Another workspace's token finds nothing.
    User outsider = app.user("outsider@example.com");
    Workspace other = app.workspace(outsider, "Other");
    Api stranger =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(new Actor(outsider, other, Role.OWNER, null), "t", TokenScope.WRITE, 0)
                .secret());
    assertThat(stranger.send("POST", "/api/v1/deliveries/" + failedId + "/discard", null).status())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/deliveries/problems").json().get("items")).isEmpty();

    // The owner wrote both: two notices, read one by one or all at once.
    Api owner = api(Role.OWNER);
    JsonNode notices = owner.get("/api/v1/notices?unread=true").json().get("items");
    assertThat(notices).hasSize(2);
    assertThat(notices.get(0).get("kind").asText()).isEqualTo("held");
    assertThat(notices.get(1).get("kind").asText()).isEqualTo("failed");
    assertThat(notices.get(1).get("post_text").asText()).isEqualTo("API refused");
    assertThat(viewer.get("/api/v1/notices").json().get("items")).isEmpty();
    String noticeId = notices.get(0).get("id").asText();
    assertThat(viewer.send("POST", "/api/v1/notices/" + noticeId + "/read", null).status())
        .isEqualTo(404);
    assertThat(owner.send("POST", "/api/v1/notices/" + noticeId + "/read", null).status())
        .isEqualTo(204);
    assertThat(owner.send("POST", "/api/v1/notices/read", null).json().get("marked").asInt())
        .isEqualTo(1);
    assertThat(owner.get("/api/v1/notices?unread=true").json().get("items")).isEmpty();
    assertThat(owner.get("/api/v1/notices").json().get("items")).hasSize(2);
    assertThat(owner.get("/api/v1/notices?unread=maybe").status()).isEqualTo(400);
  }

  @Test
  void everyoneReadsThePublishingSettingsAndOnlyAdminsChangeThem() {
    Browser viewer = as(Role.VIEWER);
    Document page = viewer.page("/w/acme/publish/settings");
    assertThat(page.select("input[name=missed_posts][value=send]").attr("checked")).isNotNull();
    assertThat(page.select("input[name=missed_posts][value=send]").hasAttr("checked")).isTrue();
    assertThat(page.select("#missed-posts fieldset").hasAttr("disabled")).isTrue();
    assertThat(page.select("#missed-posts button")).isEmpty();
    assertThat(
            viewer
                .post("/w/acme/publish/settings/missed-posts", "missed_posts", "hold")
                .statusCode())
        .isEqualTo(403);
    Browser editor = as(Role.EDITOR);
    editor.get("/w/acme/publish/settings");
    assertThat(
            editor
                .post("/w/acme/publish/settings/missed-posts", "missed_posts", "hold")
                .statusCode())
        .isEqualTo(403);

    Browser admin = as(Role.ADMIN);
    admin.get("/w/acme/publish/settings");
    var bad = admin.post("/w/acme/publish/settings/missed-posts", "missed_posts", "later");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("choose send or hold");
    var saved = admin.post("/w/acme/publish/settings/missed-posts", "missed_posts", "hold");
    assertThat(saved.statusCode()).isEqualTo(302);
    Document after = admin.page("/w/acme/publish/settings?notice=publish-settings-saved");
    assertThat(after.select("input[name=missed_posts][value=hold]").hasAttr("checked")).isTrue();
    assertThat(after.select(".notice").text()).contains("Publishing settings saved");

    Api.Reply read = api(Role.VIEWER).get("/api/v1/publishing/settings");
    assertThat(read.json().get("missed_posts").asText()).isEqualTo("hold");
    assertThat(
            api(Role.EDITOR)
                .send("PATCH", "/api/v1/publishing/settings", "{\"missed_posts\":\"send\"}")
                .status())
        .isEqualTo(403);
    Api.Reply badApi =
        api(Role.ADMIN).send("PATCH", "/api/v1/publishing/settings", "{\"missed_posts\":\"soon\"}");
    assertThat(badApi.status()).isEqualTo(400);
    assertThat(badApi.json().at("/error/field").asText()).isEqualTo("missed_posts");
    Api.Reply changed =
        api(Role.OWNER).send("PATCH", "/api/v1/publishing/settings", "{\"missed_posts\":\"send\"}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.json().get("missed_posts").asText()).isEqualTo("send");
  }
}
