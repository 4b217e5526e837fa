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
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.PostDetail;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composer through the real app against a FakeMastodon: drafts by contributors, scheduling by
 * editors, a thread with an image published part by part (each part answering the one before), live
 * counts, a channel held back for length while the other goes, attachments refused with the limit
 * named, escaped previews, hashtag groups, and the same through the API.
 */
class ComposerAppTest {
  @TempDir Path dir;
  TestApp app;
  FakeMastodon mastodon;
  FakeMastodon support;
  Workspace acme;
  Channel main;
  Channel second;
  final Map<Role, User> users = new EnumMap<>(Role.class);

  @BeforeEach
  void start() {
    mastodon = new FakeMastodon();
    support = new FakeMastodon();
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
    main = mastodonChannel("Acme on Mastodon", mastodon);
    second = mastodonChannel("Acme support", support);
  }

  private Channel mastodonChannel(String name, FakeMastodon mastodon) {
    return app.core()
        .connectChannel
        .connect(
            actor(Role.OWNER),
            new ConnectChannel.Spec(
                Network.MASTODON,
                name,
                mastodon.uri().toString(),
                Map.of(),
                new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                null));
  }

  @AfterEach
  void stop() {
    app.close();
    mastodon.close();
    support.close();
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

  private static String soon(int seconds) {
    return LocalDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).withNano(0).toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
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

  private static String postId(HttpResponse<String> r) {
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.replaceAll(".*/publish/posts/([^?#/]+).*", "$1");
  }

  @Test
  void aContributorSavesADraftWithAnEscapedPreviewButCannotScheduleIt() {
    Browser b = as(Role.CONTRIBUTOR);
    Document compose = b.page("/w/acme/publish/compose");
    assertThat(compose.select("button[value=schedule]")).isEmpty();
    assertThat(compose.select("input[name=channel]")).hasSize(2);
    var r =
        b.postForm(
            "/w/acme/publish/compose",
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part="
                + enc("<script>alert(1)</script> Hello")
                + "&cw="
                + enc("Spoilers")
                + "&action=save");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String id = postId(r);
    HttpResponse<String> page = b.get("/w/acme/publish/posts/" + id);
    assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
    Document d = Jsoup.parse(page.body());
    assertThat(d.select("[data-preview=" + main.id() + "] .post-preview-text").text())
        .isEqualTo("<script>alert(1)</script> Hello");
    assertThat(d.select("[data-preview=" + main.id() + "] .post-cw").text()).contains("Spoilers");
    assertThat(d.select("[data-count-for=" + main.id() + "]").text())
        .contains("39 / 500"); // 31 + the CW's 8
    // Scheduling is for editors.
    var scheduled =
        b.postForm(
            "/w/acme/publish/posts/" + id,
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part=Hello&action=schedule&due_local="
                + soon(60)
                + "&time_zone=UTC");
    assertThat(scheduled.statusCode()).isEqualTo(403);
    assertThat(app.core().drafts.find(actor(Role.OWNER), new PostId(id)).status())
        .isEqualTo("draft");
    assertThat(as(Role.OWNER).page("/w/acme/publish/drafts").text()).contains("Hello");
    // A viewer reads the draft but cannot compose.
    assertThat(as(Role.VIEWER).get("/w/acme/publish/compose").statusCode()).isEqualTo(403);
    assertThat(as(Role.VIEWER).get("/w/acme/publish/posts/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void anEditorSchedulesAThreadWithAnImageAndEachPartAnswersTheOneBefore() throws Exception {
    Browser b = as(Role.EDITOR);
    b.get("/w/acme/publish/compose");
    var r =
        b.postForm(
            "/w/acme/publish/compose",
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part=First+part.&part=Second+part.&action=save");
    String id = postId(r);
    b.get("/w/acme/publish/posts/" + id);
    var upload = upload(b, id, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "A chart", 2);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
    PostDetail post = app.core().drafts.find(actor(Role.EDITOR), new PostId(id));
    assertThat(post.mediaOf(null, 1)).hasSize(1);
    Document page = b.page("/w/acme/publish/posts/" + id);
    assertThat(page.select("img.post-thumb[alt=A chart]")).isNotEmpty();
    // Scheduled two seconds from now in Paris time.
    String paris =
        LocalDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(2).withNano(0).toString();
    var s =
        b.postForm(
            "/w/acme/publish/posts/" + id,
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part=First+part.&part=Second+part.&action=schedule&due_local="
                + paris
                + "&time_zone=Europe%2FParis");
    assertThat(s.statusCode()).as(s.body()).isEqualTo(302);
    await(() -> mastodon.ownStatusContents().size() == 2, "both parts are on the peer");
    await(
        () ->
            "published".equals(app.core().drafts.find(actor(Role.EDITOR), new PostId(id)).status()),
        "the post is published");
    var posted = mastodon.received("POST", "/api/v1/statuses");
    assertThat(posted).hasSize(2);
    JsonNode first = dev.chorus.web.api.Json.mapper().readTree(posted.get(0).body());
    JsonNode second = dev.chorus.web.api.Json.mapper().readTree(posted.get(1).body());
    assertThat(first.path("status").asText()).isEqualTo("First part.");
    assertThat(second.path("status").asText()).isEqualTo("Second part.");
    assertThat(second.path("in_reply_to_id").asText()).isNotBlank();
    assertThat(second.path("media_ids")).hasSize(1);
    assertThat(first.path("media_ids").isMissingNode() || first.path("media_ids").isEmpty())
        .isTrue();
    Document done = b.page("/w/acme/publish/posts/" + id);
    assertThat(done.select("#deliveries-title")).isNotEmpty();
    assertThat(done.text()).contains("Published").contains("2 / 2").contains("Europe/Paris");
    assertThat(done.select("a[rel~=noopener]").attr("href")).contains("/@chorus/");
  }

  @Test
  void aTooLongChannelIsHeldBackWithItsCountWhileTheOtherIsScheduled() {
    Browser b = as(Role.EDITOR);
    b.get("/w/acme/publish/compose");
    String longText = "x".repeat(520);
    var r =
        b.postForm(
            "/w/acme/publish/compose",
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&channel="
                + second.id()
                + "&part=Fits+everywhere.&tailor_"
                + second.id()
                + "=on&part_"
                + second.id()
                + "="
                + longText
                + "&action=schedule&due_local="
                + soon(3600)
                + "&time_zone=UTC");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("#outcome").text())
        .contains("Scheduled on 1 channel; held back on 1")
        .contains("Acme support")
        .contains("the post is 520 characters; Mastodon takes 500");
    // Live counts say the same while typing.
    var live =
        b.postForm(
            "/w/acme/publish/validate",
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part="
                + enc(
                    "Café \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 https://example.com/"
                        + "a".repeat(60)));
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body())
        .contains("\"counts\":[" + (5 + 5 + 1 + 23) + "]")
        .contains("\"ok\":true");
  }

  @Test
  void anImageNoChannelTakesIsRefusedNamingTheLimitAndAltTextCanBeRequired() throws Exception {
    Browser b = as(Role.EDITOR);
    b.get("/w/acme/publish/compose");
    String id =
        postId(
            b.postForm(
                "/w/acme/publish/compose",
                "_csrf=" + enc(b.csrf()) + "&channel=" + main.id() + "&part=Hi&action=save"));
    b.get("/w/acme/publish/posts/" + id);
    var tiff = upload(b, id, "image/tiff", new byte[] {1, 2}, "alt", 1);
    assertThat(tiff.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(tiff.body()).select("#media-error").text())
        .contains("Mastodon takes JPEG, PNG, WEBP, GIF, HEIC, AVIF images, not image/tiff");
    Browser admin = as(Role.ADMIN);
    admin.get("/w/acme/publish/settings");
    assertThat(
            admin.post("/w/acme/publish/settings/alt-text", "require_alt_text", "on").statusCode())
        .isEqualTo(302);
    assertThat(
            admin
                .page("/w/acme/publish/settings")
                .select("input[name=require_alt_text]")
                .hasAttr("checked"))
        .isTrue();
    var noAlt = upload(b, id, "image/png", new byte[] {1, 2}, "", 1);
    assertThat(noAlt.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(noAlt.body()).select("#alt-error").text()).contains("requires alt text");
  }

  @Test
  void splitIntoThreadCutsTheTextAtSentencesForTheTightestChannel() {
    Browser b = as(Role.CONTRIBUTOR);
    b.get("/w/acme/publish/compose");
    String sentence = "This sentence is about forty characters. ";
    String text = sentence.repeat(20).strip(); // 839 characters
    var r =
        b.postForm(
            "/w/acme/publish/compose",
            "_csrf="
                + enc(b.csrf())
                + "&channel="
                + main.id()
                + "&part="
                + enc(text)
                + "&numbered=on&action=split");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    List<String> parts =
        app.core().drafts.find(actor(Role.CONTRIBUTOR), new PostId(postId(r))).draft().parts();
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).endsWith("characters. 1/2").hasSizeLessThanOrEqualTo(500);
    assertThat(parts.get(1)).endsWith("characters. 2/2");
    Document page = b.page(r.headers().firstValue("Location").orElseThrow());
    assertThat(page.select("textarea[name=part]")).hasSize(2);
  }

  @Test
  void hashtagGroupsAreKeptByEditorsAndOfferedInTheComposer() {
    Browser b = as(Role.EDITOR);
    b.get("/w/acme/publish/hashtags");
    var saved = b.post("/w/acme/publish/hashtags", "name", "Launch", "tags", "chorus, #release");
    assertThat(saved.statusCode()).isEqualTo(302);
    Document compose = b.page("/w/acme/publish/compose");
    assertThat(compose.select("select[data-hashtags] option").attr("value"))
        .isEqualTo("#chorus #release");
    Browser c = as(Role.CONTRIBUTOR);
    c.get("/w/acme/publish/hashtags");
    assertThat(c.post("/w/acme/publish/hashtags", "name", "X", "tags", "x").statusCode())
        .isEqualTo(403);
  }

  @Test
  void theApiDraftsValidatesAndSchedulesWithFieldErrors() {
    Api editor = api(Role.EDITOR);
    var created =
        editor.send(
            "POST",
            "/api/v1/posts",
            "{\"parts\":[\"Hello from the API\"],\"channels\":[{\"channel_id\":\""
                + main.id()
                + "\"},{\"channel_id\":\""
                + second.id()
                + "\",\"parts\":[\"Tailored\"],\"content_warning\":\"cw\"}]}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.json().path("status").asText()).isEqualTo("draft");
    assertThat(created.json().at("/channels/1/parts/0").asText()).isEqualTo("Tailored");
    var v =
        editor.send(
            "POST",
            "/api/v1/posts/validate",
            "{\"parts\":[\""
                + "y".repeat(501)
                + "\"],\"channels\":[{\"channel_id\":\""
                + main.id()
                + "\"}]}");
    assertThat(v.status()).isEqualTo(200);
    assertThat(v.json().at("/channels/0/counts/0").asInt()).isEqualTo(501);
    assertThat(v.json().at("/channels/0/ok").asBoolean()).isFalse();
    var past =
        editor.send(
            "POST",
            "/api/v1/posts/" + id + "/schedule",
            "{\"due_at\":\"2020-01-01T09:00\",\"time_zone\":\"UTC\"}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().at("/error/field").asText()).isEqualTo("due_at");
    var zone =
        editor.send(
            "POST",
            "/api/v1/posts/" + id + "/schedule",
            "{\"due_at\":\"2099-01-01T09:00\",\"time_zone\":\"Mars/Olympus_Mons\"}");
    assertThat(zone.status()).isEqualTo(400);
    assertThat(zone.json().at("/error/field").asText()).isEqualTo("time_zone");
    var contributor =
        api(Role.CONTRIBUTOR)
            .send(
                "POST",
                "/api/v1/posts/" + id + "/schedule",
                "{\"due_at\":\"2099-01-01T09:00\",\"time_zone\":\"UTC\"}");
    assertThat(contributor.status()).isEqualTo(403);
    var ok =
        editor.send(
            "POST",
            "/api/v1/posts/" + id + "/schedule",
            "{\"due_at\":\"2099-01-01T09:00\",\"time_zone\":\"Europe/Paris\"}");
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(ok.json().path("due_at").asText()).isEqualTo("2099-01-01T08:00:00Z");
    assertThat(ok.json().path("scheduled")).hasSize(2);
    var got = editor.get("/api/v1/posts/" + id);
    assertThat(got.json().path("status").asText()).isEqualTo("scheduled");
    assertThat(got.json().path("deliveries")).hasSize(2);
    assertThat(
            editor
                .send("PUT", "/api/v1/posts/" + id, "{\"parts\":[\"x\"],\"channels\":[]}")
                .status())
        .isEqualTo(409);
    var drafts = editor.get("/api/v1/posts?status=scheduled");
    assertThat(drafts.json().path("items")).hasSize(1);
  }

  @Test
  void anotherWorkspacesPostIsNotFound() {
    User outsider = app.user("outsider@example.com");
    Workspace other = app.workspace(outsider, "Other");
    PostId theirs =
        app.core()
            .drafts
            .create(
                new Actor(outsider, other, Role.OWNER, null),
                new Draft(List.of("Theirs"), null, List.of()));
    assertThat(as(Role.OWNER).get("/w/acme/publish/posts/" + theirs).statusCode()).isEqualTo(404);
    assertThat(api(Role.OWNER).get("/api/v1/posts/" + theirs).status()).isEqualTo(404);
  }

  /** A multipart upload as the composer's image form sends it. */
  private HttpResponse<String> upload(
      Browser b, String post, String type, byte[] bytes, String alt, int part) throws Exception {
    String boundary = "chorus" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    java.util.function.BiConsumer<String, String> field =
        (name, value) ->
            out.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
    field.accept("_csrf", b.csrf());
    field.accept("alt", alt);
    field.accept("target", "base");
    field.accept("part", String.valueOf(part));
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"i\"\r\n"
                + "Content-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(app.url() + "/w/acme/publish/posts/" + post + "/media"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", b.cookieHeader())
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }
}
