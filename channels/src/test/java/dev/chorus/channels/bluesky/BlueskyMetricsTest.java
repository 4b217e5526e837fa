package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.PostMetrics;
import dev.chorus.core.channel.ReadsPostMetrics.Outcome;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.channel.Visibility;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts of posts and followers, and visibility, against a local server answering {@code
 * app.bsky.feed.getPosts} and {@code getProfile} in the lexicons' shapes (the reference PDS alone
 * has no AppView to answer them).
 */
class BlueskyMetricsTest {
  static final String ME = "did:plc:z72i7hdynmk6r22z27h6tvur";

  Javalin server;

  /** The posts the AppView knows, by URI, as post views. */
  final Map<String, ObjectNode> views = new ConcurrentHashMap<>();

  /** The uris of each getPosts call. */
  final List<List<String>> calls = new CopyOnWriteArrayList<>();

  final List<String> paths = new CopyOnWriteArrayList<>();
  final AtomicBoolean noAppView = new AtomicBoolean();
  final Set<String> withoutQuoteCount = ConcurrentHashMap.newKeySet();
  BlueskyConnector connector;

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.before(ctx -> paths.add(ctx.path()));
                  c.routes.get(
                      "/xrpc/app.bsky.feed.getPosts",
                      ctx -> {
                        if (noAppView.get()) {
                          ctx.status(400)
                              .json(
                                  Map.of(
                                      "error",
                                      "InvalidRequest",
                                      "message",
                                      "No service configured for app.bsky.feed.getPosts"));
                          return;
                        }
                        List<String> uris = ctx.queryParams("uris");
                        calls.add(uris);
                        if (uris.size() > 25) {
                          ctx.status(400)
                              .json(Map.of("error", "InvalidRequest", "message", "uris too long"));
                          return;
                        }
                        ObjectNode out = LocalPds.JSON.createObjectNode();
                        ArrayNode posts = out.putArray("posts");
                        for (String u : uris) if (views.containsKey(u)) posts.add(views.get(u));
                        ctx.contentType("application/json").result(out.toString());
                      });
                  c.routes.get(
                      "/xrpc/app.bsky.actor.getProfile",
                      ctx -> {
                        if (noAppView.get()) {
                          ctx.status(400)
                              .json(
                                  Map.of(
                                      "error",
                                      "InvalidRequest",
                                      "message",
                                      "No service configured for app.bsky.actor.getProfile"));
                          return;
                        }
                        ctx.contentType("application/json")
                            .result(
                                "{\"did\":\""
                                    + ME
                                    + "\",\"handle\":\"me.example.com\",\"followersCount\":777}");
                      });
                })
            .start("127.0.0.1", 0);
    URI base = URI.create("http://127.0.0.1:" + server.port());
    Clock clock = Clock.systemUTC();
    SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");
    BlueskyDirectory directory = new BlueskyDirectory(http, base, base, clock);
    var creds =
        new BlueskySession.Credentials(
            "me.example.com",
            ME,
            base,
            "app-pass",
            BlueskyInteropTest.fakeJwt(4_000_000_000L),
            "refresh-1");
    connector =
        new BlueskyConnector(
            BlueskySession.resume(directory, creds, clock, c -> {}), directory, clock);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  RemoteRef post(int i, long likes, long reposts, long replies, long quotes) {
    String uri = "at://" + ME + "/app.bsky.feed.post/3lpost" + (10_000 + i);
    ObjectNode v = LocalPds.JSON.createObjectNode();
    v.put("uri", uri).put("cid", "bafyrei" + i);
    v.putObject("author").put("did", ME).put("handle", "me.example.com");
    v.putObject("record").put("$type", "app.bsky.feed.post").put("text", "post " + i);
    v.put("replyCount", replies).put("repostCount", reposts).put("likeCount", likes);
    v.put("quoteCount", quotes).put("indexedAt", "2026-11-21T10:00:00.000Z");
    views.put(uri, v);
    return new RemoteRef(uri, null, "bafyrei" + i);
  }

  @Test
  void countsAreReadTwentyFivePostsACallAndComeBackInTheOrderAsked() {
    List<RemoteRef> asked = new ArrayList<>();
    for (int i = 0; i < 30; i++) asked.add(post(i, i, 2L * i, 1, 0));
    List<RemoteRef> reversed = new ArrayList<>(asked);
    java.util.Collections.reverse(reversed);

    Map<RemoteRef, Outcome> read = connector.metrics(reversed);

    assertThat(calls).extracting(List::size).containsExactly(25, 5);
    assertThat(read.keySet()).containsExactlyElementsOf(reversed);
    assertThat(read.get(asked.get(7)).metrics()).isEqualTo(new PostMetrics(7, 14, 1, 0));
    assertThat(read.values()).allMatch(Outcome::ok);
  }

  @Test
  void aViewWithoutAQuoteCountLeavesItUnknown() {
    RemoteRef p = post(1, 4, 3, 2, 1);
    views.get(p.id()).remove("quoteCount");

    assertThat(connector.metrics(List.of(p)).get(p).metrics())
        .isEqualTo(new PostMetrics(4, 3, 2, -1));
  }

  @Test
  void aPostTheAppViewLeavesOutFailsOnItsOwnWithoutRetry() {
    RemoteRef kept = post(1, 1, 0, 0, 0);
    RemoteRef gone = post(2, 9, 9, 9, 9);
    views.remove(gone.id());

    Map<RemoteRef, Outcome> read = connector.metrics(List.of(gone, kept));

    assertThat(read.get(kept).metrics().likes()).isEqualTo(1);
    ChannelFailure f = read.get(gone).failure();
    assertThat(f.retryable()).isFalse();
    assertThat(f.getMessage())
        .isEqualTo(
            "Bluesky, reading the counts of posts: "
                + gone.id()
                + " was not found (deleted, or not visible to this account)");
    assertThat(calls).hasSize(1);
  }

  @Test
  void aReferenceThatIsNotABlueskyPostFailsOnItsOwnAndIsNeverSent() {
    RemoteRef kept = post(1, 1, 0, 0, 0);
    RemoteRef odd = new RemoteRef("110000000000000001", null, null);

    Map<RemoteRef, Outcome> read = connector.metrics(List.of(odd, kept));

    assertThat(read.get(odd).failure().getMessage()).contains("is not the address of a Bluesky");
    assertThat(read.get(kept).ok()).isTrue();
    assertThat(calls).containsExactly(List.of(kept.id()));
  }

  @Test
  void withoutAnAppViewEveryPostFailsWithThatReasonAfterOneCall() {
    List<RemoteRef> asked = new ArrayList<>();
    for (int i = 0; i < 30; i++) asked.add(post(i, 0, 0, 0, 0));
    noAppView.set(true);

    Map<RemoteRef, Outcome> read = connector.metrics(asked);

    assertThat(read).hasSize(30);
    assertThat(read.values())
        .allSatisfy(
            o -> {
              assertThat(o.failure().retryable()).isFalse();
              assertThat(o.failure().getMessage()).contains("has no AppView");
            });
    assertThat(paths.stream().filter(p -> p.endsWith("getPosts"))).hasSize(1);
  }

  @Test
  void theFollowerCountComesFromTheProfileAndFailsClearlyWithoutAnAppView() {
    assertThat(connector.followers()).isEqualTo(777);
    assertThat(connector.profile().followers()).isEqualTo(777);

    noAppView.set(true);
    assertThatThrownBy(connector::followers)
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("has no AppView")
        .matches(e -> !((ChannelFailure) e).retryable());
  }

  @Test
  void onlyPublicPostsArePublishedAndTheOthersAreRefusedBeforeAnythingIsSent() {
    for (Visibility v :
        List.of(Visibility.UNLISTED, Visibility.FOLLOWERS_ONLY, Visibility.DIRECT)) {
      OutgoingPost post = new OutgoingPost("For friends", null, List.of(), null, null, v);
      assertThatThrownBy(() -> connector.publish(post, "k-" + v.key()))
          .isInstanceOf(ChannelFailure.class)
          .hasMessage(
              "Bluesky: every Bluesky post is public; it cannot be published as "
                  + v.key()
                  + " (publish it as public, or leave Bluesky out)")
          .matches(e -> !((ChannelFailure) e).retryable());
    }
    assertThat(paths).isEmpty();
  }
}
