package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.PollChannel;
import dev.chorus.core.channel.Source;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mastodon channel's listening sources against FakeMastodon in the running app: hashtags and
 * searches read each from its own cursor, a failing source named on the channel's health while the
 * others are read, the sources form and API with their field errors, and live streams started and
 * stopped by the supervisor as the channel's sources change and when it is disconnected.
 */
class ListeningSourcesTest {
  @TempDir Path dir;
  TestApp app;
  FakeMastodon mastodon;
  Actor owner;
  Api api;
  Channel channel;

  @BeforeEach
  void start() {
    mastodon = new FakeMastodon();
    app = TestApp.start(dir);
    var user = app.user("owner@example.com");
    var ws = app.workspace(user, "Acme");
    owner = new Actor(user, ws, Role.OWNER, null);
    api = new Api(app.url(), app.core().issueToken.issue(owner, "t", TokenScope.WRITE, 0).secret());
    channel =
        app.core()
            .connectChannel
            .connect(
                owner,
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Acme on Mastodon",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "secret").toJson(),
                    null));
  }

  @AfterEach
  void stop() {
    app.close();
    mastodon.close();
  }

  @Test
  void hashtagAndSearchSourcesAreReadEachFromItsOwnCursor() {
    mastodon.addPublicStatus("ada@elsewhere.example", "First #coffee of the day");
    var latte = mastodon.addPublicStatus("bo@elsewhere.example", "Best oat latte in town");
    var put =
        api.send(
            "PUT",
            path("/sources"),
            "{\"hashtags\": [\"#Coffee\"], \"searches\": [\"oat latte\"]}");
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    assertThat(put.json().get("hashtags").get(0).asText()).isEqualTo("coffee");

    PollChannel.Result first = app.core().pollChannel.poll(current());
    assertThat(first.error()).isNull();
    assertThat(bodies()).contains("First #coffee of the day", "Best oat latte in town");
    String coffeeCursor = cursor("hashtag:coffee");
    String latteCursor = cursor("search:oat latte");
    assertThat(latteCursor).isEqualTo(latte.get("id").asText());
    assertThat(coffeeCursor).isNotNull().isNotEqualTo(latteCursor);

    // Only the hashtag hears something new: only its cursor moves, and each asks from its own.
    var second = mastodon.addPublicStatus("cy@elsewhere.example", "Second #coffee, no latte");
    assertThat(app.core().pollChannel.poll(current()).error()).isNull();
    assertThat(cursor("hashtag:coffee")).isEqualTo(second.get("id").asText());
    assertThat(cursor("search:oat latte")).isEqualTo(latteCursor);
    assertThat(queries("/api/v1/timelines/tag/coffee"))
        .anyMatch(q -> q.contains("min_id=" + coffeeCursor));
    assertThat(queries("/api/v2/search"))
        .anyMatch(q -> q.contains("min_id=" + latteCursor))
        .noneMatch(q -> q.contains("min_id=" + coffeeCursor));
    assertThat(bodies()).containsOnlyOnce("First #coffee of the day");

    JsonNode sources = api.get(path("/sources")).json().get("sources");
    assertThat(sources.findValuesAsText("name"))
        .containsExactly("mentions", "hashtag:coffee", "search:oat latte");
    assertThat(sources.get(1).get("last_read_at").isNull()).isFalse();
  }

  @Test
  void aFailingSourceIsNamedOnTheChannelsHealthWhileTheOthersAreStillRead() {
    api.send("PUT", path("/sources"), "{\"hashtags\": [\"coffee\"], \"searches\": [\"latte\"]}");
    mastodon.failPath("/api/v1/timelines/tag/", 404);
    mastodon.addNotification("mention", "ada@elsewhere.example", "@chorus open Sunday?", null);
    mastodon.addPublicStatus("bo@elsewhere.example", "A #coffee and a latte");

    PollChannel.Result r = app.core().pollChannel.poll(current());
    assertThat(r.error()).startsWith("#coffee: ");
    assertThat(bodies()).contains("@chorus open Sunday?", "A #coffee and a latte");
    Channel c = current();
    assertThat(c.health()).isEqualTo("failing");
    assertThat(c.lastError()).startsWith("#coffee: ");
    assertThat(c.lastSuccessAt()).isNotNull();
    JsonNode sources = api.get(path("/sources")).json().get("sources");
    assertThat(sources.get(1).get("name").asText()).isEqualTo("hashtag:coffee");
    assertThat(sources.get(1).get("last_error").asText()).isNotBlank();
    assertThat(sources.get(2).hasNonNull("last_error")).isFalse();
    assertThat(cursor("hashtag:coffee")).isNull();

    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    String page = b.get("/w/acme/channels/" + channel.id()).body();
    assertThat(page).contains("#coffee").contains("Failing").contains("Search \u201clatte\u201d");

    // Once the hashtag answers again it catches up, and the channel is healthy.
    mastodon.healPath("/api/v1/timelines/tag/");
    mastodon.addPublicStatus("cy@elsewhere.example", "Another #coffee please");
    assertThat(app.core().pollChannel.poll(current()).error()).isNull();
    assertThat(bodies()).contains("Another #coffee please");
    assertThat(current().health()).isEqualTo("connected");
  }

  @Test
  void sourcesThatAreNotHashtagsOrNotForTheNetworkAreRefusedOnTheirField() {
    var bad = api.send("PUT", path("/sources"), "{\"hashtags\": [\"no-dashes\"]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/field").asText()).isEqualTo("hashtags");
    String eleven =
        "{\"hashtags\": [\"a1\",\"b2\",\"c3\",\"d4\",\"e5\",\"f6\",\"g7\",\"h8\",\"i9\",\"j0\",\"k1\"]}";
    assertThat(api.send("PUT", path("/sources"), eleven).json().at("/error/field").asText())
        .isEqualTo("hashtags");
    var firehose = api.send("PUT", path("/sources"), "{\"firehose\": true}");
    assertThat(firehose.status()).isEqualTo(400);
    assertThat(firehose.json().at("/error/field").asText()).isEqualTo("firehose");
    assertThat(api.get(path("/sources")).json().get("hashtags")).isEmpty();

    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels/" + channel.id());
    var form =
        b.post(
            "/w/acme/channels/" + channel.id() + "/sources",
            "hashtags",
            "#coffee #123",
            "searches",
            "oat latte");
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("src-hashtags-error").contains("#123");
    var ok =
        b.post(
            "/w/acme/channels/" + channel.id() + "/sources",
            "hashtags",
            "#coffee, espresso",
            "searches",
            "oat latte\n\nflat white",
            "live",
            "on");
    assertThat(ok.statusCode()).isEqualTo(302);
    JsonNode saved = api.get(path("/sources")).json();
    assertThat(saved.get("hashtags").toString()).isEqualTo("[\"coffee\",\"espresso\"]");
    assertThat(saved.get("searches").toString()).isEqualTo("[\"oat latte\",\"flat white\"]");
    assertThat(saved.get("live").asBoolean()).isTrue();
  }

  @Test
  void onlyAdminsChangeSourcesEveryMemberSeesThemAndAnotherWorkspaceGetsA404() {
    var editor = app.user("editor@example.com");
    app.add(owner.workspace(), editor, Role.EDITOR);
    Api asEditor =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(
                    new Actor(editor, owner.workspace(), Role.EDITOR, null),
                    "e",
                    TokenScope.WRITE,
                    0)
                .secret());
    assertThat(asEditor.get(path("/sources")).status()).isEqualTo(200);
    assertThat(asEditor.send("PUT", path("/sources"), "{\"searches\": [\"x\"]}").status())
        .isEqualTo(403);
    Browser b = new Browser(app.url()).signIn("editor@example.com", TestApp.PASSWORD);
    String page = b.get("/w/acme/channels/" + channel.id()).body();
    assertThat(page).contains("Listening sources").doesNotContain("id=\"sources-form\"");
    assertThat(
            b.post("/w/acme/channels/" + channel.id() + "/sources", "searches", "x").statusCode())
        .isEqualTo(403);

    var stranger = app.user("stranger@example.com");
    var elsewhere = app.workspace(stranger, "Elsewhere");
    Api asStranger =
        new Api(
            app.url(),
            app.core()
                .issueToken
                .issue(new Actor(stranger, elsewhere, Role.OWNER, null), "s", TokenScope.WRITE, 0)
                .secret());
    assertThat(asStranger.get(path("/sources")).status()).isEqualTo(404);
    assertThat(asStranger.send("PUT", path("/sources"), "{\"searches\": [\"x\"]}").status())
        .isEqualTo(404);
    assertThat(api.get(path("/sources")).json().get("searches")).isEmpty();
  }

  @Test
  void streamsStartWhenLiveIsOnStoreWhatArrivesAndStopOnChangeAndDisconnect() {
    api.send("PUT", path("/sources"), "{\"hashtags\": [\"coffee\"], \"live\": true}");
    await(() -> mastodon.openStreams().containsAll(List.of("user:notification", "hashtag:coffee")));
    // Changing the sources brings the scheduled read forward to now; once it has run the next
    // is 15 minutes away, so what arrives next can only come through the streams.
    await(
        () ->
            current().lastSuccessAt() != null
                && current().nextPollAt().isAfter(java.time.Instant.now().plusSeconds(600)));
    await(
        () ->
            app.core().streams.streaming(channel.id(), Source.MENTIONS)
                && app.core().streams.streaming(channel.id(), Source.hashtag("coffee")));

    var mention = mastodon.pushMention("ada@elsewhere.example", "@chorus live question");
    var tagged = mastodon.pushStatus("bo@elsewhere.example", "Live #coffee talk");
    await(() -> bodies().containsAll(List.of("@chorus live question", "Live #coffee talk")));
    await(() -> mention.get("id").asText().equals(current().cursor()));
    await(() -> tagged.get("id").asText().equals(cursor("hashtag:coffee")));
    assertThat(api.get(path("/sources")).json().get("sources").get(0).get("streaming").asBoolean())
        .isTrue();

    // Live off: both streams stop.
    api.send("PUT", path("/sources"), "{\"hashtags\": [\"coffee\"], \"live\": false}");
    await(() -> mastodon.openStreams().isEmpty());
    assertThat(app.core().streams.running()).isEmpty();

    // On again, then disconnected: the streams stop with the channel.
    api.send("PUT", path("/sources"), "{\"live\": true}");
    await(() -> mastodon.openStreams().contains("user:notification"));
    assertThat(mastodon.openStreams()).doesNotContain("hashtag:coffee");
    assertThat(api.send("DELETE", path(""), null).status()).isEqualTo(200);
    await(() -> mastodon.openStreams().isEmpty());
    assertThat(app.core().streams.running()).isEmpty();
  }

  @Test
  void shuttingDownStopsTheStreamsAfterStoringWhatTheyHeard() {
    api.send("PUT", path("/sources"), "{\"live\": true}");
    await(() -> app.core().streams.streaming(channel.id(), Source.MENTIONS));
    await(() -> mastodon.openStreams().contains("user:notification"));
    await(() -> current().lastSuccessAt() != null);
    var mention = mastodon.pushMention("ada@elsewhere.example", "@chorus said just before");
    await(() -> bodies().contains("@chorus said just before"));
    app.close();
    await(() -> mastodon.openStreams().isEmpty());
    // A new app on the same store resumes the stream from the stored cursor.
    app = TestApp.start(dir);
    assertThat(current().cursor()).isEqualTo(mention.get("id").asText());
    await(() -> mastodon.openStreams().contains("user:notification"));
  }

  // ---- helpers ----

  private String path(String rest) {
    return "/api/v1/channels/" + channel.id() + rest;
  }

  private Channel current() {
    return app.core()
        .db
        .read(h -> app.core().channels.find(h, owner.workspace().id(), channel.id()))
        .orElseThrow();
  }

  private List<String> bodies() {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery("SELECT body FROM inbound_items WHERE channel_id = :c")
                    .bind("c", channel.id().value())
                    .mapTo(String.class)
                    .list());
  }

  private String cursor(String source) {
    return app.core()
        .db
        .read(
            h ->
                app.core()
                    .sources
                    .cursor(h, new ChannelId(channel.id().value()), Source.parse(source)));
  }

  private List<String> queries(String path) {
    return mastodon.received("GET", path).stream().map(r -> r.query()).toList();
  }

  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("not reached within 20 s");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
