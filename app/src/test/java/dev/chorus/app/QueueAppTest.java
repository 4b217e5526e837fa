package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue, calendar, recurring posts, CSV import and feed automations through the pages and the
 * API of the running app, with a channel on a local FakeMastodon and a local feed server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueAppTest {
  TestApp app;
  FakeMastodon mastodon;
  Javalin feeds;
  final AtomicReference<String> feed = new AtomicReference<>();
  User owner;
  User editor;
  User contributor;
  User viewer;
  Workspace acme;
  Channel channel;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start() throws Exception {
    app = TestApp.start(Files.createTempDirectory("chorus-queue"));
    mastodon = new FakeMastodon();
    feed.set(ChannelsTest.rss("one", "two", "three", "four"));
    feeds =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/feed.xml",
                      ctx -> ctx.contentType("application/rss+xml").result(feed.get()));
                })
            .start("127.0.0.1", 0);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    editor = app.user("editor@example.com");
    app.add(acme, editor, Role.EDITOR);
    contributor = app.user("contributor@example.com");
    app.add(acme, contributor, Role.CONTRIBUTOR);
    viewer = app.user("viewer@example.com");
    app.add(acme, viewer, Role.VIEWER);
    channel =
        app.core()
            .connectChannel
            .connect(
                new Actor(owner, acme, Role.OWNER, null),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Acme Social",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                    null));
  }

  @AfterAll
  void stop() {
    app.close();
    if (feeds != null) feeds.stop();
    if (mastodon != null) mastodon.close();
  }

  private Browser as(User u) {
    return new Browser(app.url()).signIn(u.email(), TestApp.PASSWORD);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private PostId scheduled(String text, Instant due) {
    return app.core()
        .db
        .inTransaction(
            h ->
                app.core()
                    .schedulePost
                    .schedule(
                        h,
                        acme.id(),
                        owner.id().value(),
                        due,
                        List.of(new SchedulePost.Variant(channel.id(), text, null))));
  }

  @Test
  void anEditorSetsTheZoneAndSlotsThenQueuesAPostThatShowsOnTheQueueAndCalendar() {
    Browser b = as(editor);
    b.get("/w/acme/publish/queue");
    assertThat(b.post("/w/acme/publish/queue/zone", "time_zone", "Mars/Olympus").statusCode())
        .isEqualTo(400);
    assertThat(b.post("/w/acme/publish/queue/zone", "time_zone", "Europe/Paris").statusCode())
        .isEqualTo(302);
    var bad = b.post("/w/acme/publish/queue/slots/" + channel.id().value(), "slots", "Funday 9");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("is not a day");
    assertThat(
            b.post("/w/acme/publish/queue/slots/" + channel.id().value(), "slots", "daily 07:15")
                .statusCode())
        .isEqualTo(302);
    Document q = b.page("/w/acme/publish/queue");
    assertThat(q.select("textarea[name=slots]").text()).contains("Monday 07:15", "Sunday 07:15");
    var added =
        b.postForm(
            "/w/acme/publish/queue/add",
            "_csrf="
                + enc(b.csrf())
                + "&text="
                + enc("Queued <b>hello</b>")
                + "&channels="
                + channel.id().value());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    String location = added.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/w/acme/publish/calendar?view=week&date=");
    q = b.page("/w/acme/publish/queue");
    assertThat(q.select("table").text()).contains("Queued <b>hello</b>", "07:15");
    assertThat(q.html()).doesNotContain("<b>hello</b>");
    Document cal = b.page(location.replace("&notice=moved", "").replaceAll("#.*", ""));
    var post = cal.selectFirst("article.cal-post.cal-scheduled" + location.replaceAll(".*#", "#"));
    assertThat(post).isNotNull();
    assertThat(post.attr("draggable")).isEqualTo("true");
    assertThat(post.select(".cal-chip").text()).contains("Acme Social");
    assertThat(post.select("time").text()).isEqualTo("07:15");
    assertThat(cal.selectFirst("[data-calendar]").attr("data-csrf")).isNotEmpty();
    // The drop targets name a day and an hour of the week.
    assertThat(cal.select("td[data-drop-date][data-drop-hour]")).hasSize(7 * 24);
  }

  @Test
  void everyoneSeesTheCalendarButOnlyEditorsMovePosts() {
    Instant due = Instant.now().plus(Duration.ofDays(3));
    PostId p = scheduled("Seen by all", due);
    String date = due.atZone(app.core().queue.zones.of(acme.id())).toLocalDate().toString();
    for (User u : List.of(contributor, viewer)) {
      Browser b = as(u);
      Document week = b.page("/w/acme/publish/calendar?view=week&date=" + date);
      var post = week.selectFirst("#post-" + p.value());
      assertThat(post).isNotNull();
      assertThat(post.hasAttr("draggable")).isFalse();
      assertThat(week.selectFirst("[data-calendar]").hasAttr("data-csrf")).isFalse();
      Document month = b.page("/w/acme/publish/calendar?view=month&date=" + date);
      assertThat(month.select("#post-" + p.value())).hasSize(1);
      assertThat(month.select("ol.cal-month > li.cal-day").size()).isBetween(28, 42);
      assertThat(
              b.post("/w/acme/publish/calendar/" + p.value() + "/move", "due", "2030-01-01T10:00")
                  .statusCode())
          .isEqualTo(403);
      assertThat(b.get("/w/acme/publish/calendar/" + p.value() + "/move").statusCode())
          .isEqualTo(403);
    }
  }

  private HttpResponse<String> moveByScript(Browser b, PostId p, String due, boolean withToken)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                URI.create(app.url() + "/w/acme/publish/calendar/" + p.value() + "/move"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Cookie", b.cookieHeader())
            .POST(HttpRequest.BodyPublishers.ofString("due=" + enc(due)));
    if (withToken) r.header("X-CSRF-Token", b.csrf());
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void draggingAPostMovesItAndAPastTimeOrAMissingTokenIsRefused() throws Exception {
    Instant due = Instant.now().plus(Duration.ofDays(2));
    PostId p = scheduled("Drag me", due);
    Browser b = as(editor);
    b.get("/w/acme/publish/calendar");
    ZoneId zone = app.core().queue.zones.of(acme.id());
    LocalDate target = LocalDate.now(zone).plusDays(5);
    var moved = moveByScript(b, p, target + "T18:45", true);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    var body = json.readTree(moved.body());
    assertThat(body.get("moved").asInt()).isEqualTo(1);
    Instant expected = target.atTime(18, 45).atZone(zone).toInstant();
    assertThat(Instant.parse(body.get("due_at").asText())).isEqualTo(expected);
    long deliveryDue =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery("SELECT due_at FROM deliveries WHERE post_id = :p")
                        .bind("p", p.value())
                        .mapTo(Long.class)
                        .one());
    assertThat(deliveryDue).isEqualTo(expected.toEpochMilli());
    var past = moveByScript(b, p, "2020-01-01T10:00", true);
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(json.readTree(past.body()).at("/error/message").asText()).contains("in the past");
    assertThat(moveByScript(b, p, target + "T19:00", false).statusCode()).isEqualTo(403);
    // Without JavaScript: the form.
    Document form = b.page("/w/acme/publish/calendar/" + p.value() + "/move");
    assertThat(form.selectFirst("input[name=due]").attr("type")).isEqualTo("datetime-local");
    assertThat(form.selectFirst("input[name=due]").val()).isEqualTo(target + "T18:45");
    var refused = b.post("/w/acme/publish/calendar/" + p.value() + "/move", "due", "not a date");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("is not a date and time");
    var ok = b.post("/w/acme/publish/calendar/" + p.value() + "/move", "due", target + "T08:00");
    assertThat(ok.statusCode()).isEqualTo(302);
  }

  @Test
  void aPostBeingPublishedCannotBeMoved() throws Exception {
    PostId p = scheduled("On its way", Instant.now().plus(Duration.ofDays(1)));
    app.core()
        .db
        .inTransaction(
            h ->
                h.createUpdate(
                        "UPDATE deliveries SET status = 'publishing', attempts = 1 WHERE post_id ="
                            + " :p")
                    .bind("p", p.value())
                    .execute());
    Browser b = as(editor);
    b.get("/w/acme/publish/calendar");
    var r = moveByScript(b, p, LocalDate.now().plusDays(9) + "T10:00", true);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(json.readTree(r.body()).at("/error/message").asText()).contains("no longer waiting");
  }

  @Test
  void csvImportSchedulesTheGoodRowsAndListsTheBadOnesOnThePageAndInTheApi() throws Exception {
    String next = LocalDate.now().plusDays(10).toString();
    String csv =
        "channels,text,due,time_zone\n"
            + "Acme Social,\"Imported, with a comma\","
            + next
            + " 10:00,UTC\n"
            + "Nowhere,Hi,"
            + next
            + " 10:00,UTC\n"
            + "Acme Social,,"
            + next
            + " 10:00,UTC\n"
            + "Acme Social,"
            + "x".repeat(501)
            + ","
            + next
            + " 10:00,UTC\n";
    Browser b = as(editor);
    b.get("/w/acme/publish/import");
    var r = b.post("/w/acme/publish/import", "csv", csv);
    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("h2#result-title").text()).isEqualTo("1 imported, 3 refused");
    var rows = page.select("table[aria-label=Refused rows] tbody tr");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).text()).startsWith("3 channels").contains("unknown channel");
    assertThat(rows.get(1).text()).startsWith("4 text").contains("missing");
    assertThat(rows.get(2).text()).startsWith("5 text").contains("too long for Acme Social: 501");
    assertThat(as(viewer).get("/w/acme/publish/import").statusCode()).isEqualTo(403);

    String token =
        app.core()
            .issueToken
            .issue(new Actor(editor, acme, Role.EDITOR, null), "t", TokenScope.WRITE, 0)
            .secret();
    Api api = new Api(app.url(), token);
    var reply =
        api.send("POST", "/api/v1/posts/import", json.writeValueAsString(Map.of("csv", csv)));
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    assertThat(reply.json().get("imported")).hasSize(1);
    assertThat(reply.json().get("errors")).hasSize(3);
    assertThat(reply.json().at("/errors/0/row").asInt()).isEqualTo(3);
    var none = api.send("POST", "/api/v1/posts/import", "{\"csv\":\"text,due\\nHi,2030-01-01\"}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().at("/error/field").asText()).isEqualTo("file");
  }

  @Test
  void aFeedAutomationQueuesTheNewestEntryFirstThenEachNewOneOnce() throws Exception {
    Browser b = as(editor);
    b.get("/w/acme/publish/queue");
    b.post("/w/acme/publish/queue/slots/" + channel.id().value(), "slots", "daily 07:15");
    b.get("/w/acme/publish/automations");
    var created =
        b.postForm(
            "/w/acme/publish/automations",
            "_csrf="
                + enc(b.csrf())
                + "&name=Blog&feed_url="
                + enc("http://127.0.0.1:" + feeds.port() + "/feed.xml")
                + "&template="
                + enc("New: {title} {link}")
                + "&mode=queue&first_poll=1&interval=15&channels="
                + channel.id().value());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    assertThat(app.app().pollFeedAutomations()).isEqualTo(1);
    assertThat(app.app().pollFeedAutomations()).isZero();
    List<String> texts =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery("SELECT body FROM posts WHERE body LIKE 'New: %' ORDER BY due_at")
                        .mapTo(String.class)
                        .list());
    // The feed's four entries: only the newest (the last in the file) on the first read.
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0)).startsWith("New: Post ").contains("https://northwind.example/");
    Document page = b.page("/w/acme/publish/automations");
    assertThat(page.select("table tbody tr").text()).contains("Blog", "Queued posts");
  }

  @Test
  void aRecurringPostCreatedOnItsPageIsOnTheCalendar() {
    Browser b = as(editor);
    b.get("/w/acme/publish/recurring");
    var r =
        b.postForm(
            "/w/acme/publish/recurring",
            "_csrf="
                + enc(b.csrf())
                + "&kind=recurring&name=Weekly+tip&text="
                + enc("Tip of the week")
                + "&unit=week&every=1&time=11:00&min_gap=12&weekdays=3&channels="
                + channel.id().value());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    Document page = b.page("/w/acme/publish/recurring");
    assertThat(page.select("table tbody tr").text())
        .contains("Weekly tip", "Active", "Every 1 week on Wed at 11:00");
    long pending =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM series_posts sp JOIN posts p ON p.id ="
                                + " sp.post_id WHERE p.status = 'scheduled' AND p.body = 'Tip of"
                                + " the week'")
                        .mapTo(Long.class)
                        .one());
    assertThat(pending).isEqualTo(1);
    var missing =
        b.postForm(
            "/w/acme/publish/recurring",
            "_csrf="
                + enc(b.csrf())
                + "&kind=recurring&name=X&text=Y&unit=week&every=1&time=11:00&min_gap=12");
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  @Test
  void theComposersAddToQueueButtonPutsADraftAtTheNextFreeSlot() {
    Browser b = as(editor);
    b.get("/w/acme/publish/queue");
    b.post("/w/acme/publish/queue/slots/" + channel.id().value(), "slots", "daily 06:40");
    PostId draft =
        app.core()
            .drafts
            .create(
                new Actor(editor, acme, Role.EDITOR, null),
                new dev.chorus.core.publishing.Draft(
                    List.of("Composed"),
                    null,
                    List.of(dev.chorus.core.publishing.Draft.Variant.base(channel.id()))));
    Document compose = b.page("/w/acme/publish/posts/" + draft.value());
    assertThat(compose.select("button[name=action][value=queue]").text()).isEqualTo("Add to queue");
    var r =
        b.postForm(
            "/w/acme/publish/posts/" + draft.value(),
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + channel.id().value()
                + "&part=Composed&action=queue&time_zone=UTC");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    var due =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery("SELECT due_at FROM deliveries WHERE post_id = :p")
                        .bind("p", draft.value())
                        .mapTo(Long.class)
                        .one());
    ZoneId zone = app.core().queue.zones.of(acme.id());
    var local = Instant.ofEpochMilli(due).atZone(zone).toLocalTime();
    assertThat(local.toString()).isEqualTo("06:40");
    assertThat(
            as(contributor)
                .page("/w/acme/publish/posts/" + draft.value())
                .select("button[value=queue]"))
        .isEmpty();
  }
}
