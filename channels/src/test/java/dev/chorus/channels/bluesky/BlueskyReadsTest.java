package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.Source;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads that need an AppView (the reference PDS alone has none), parsed from responses recorded in
 * the lexicons' shapes and served by a local server standing in for the PDS.
 */
class BlueskyReadsTest {
  static final String ME = "did:plc:z72i7hdynmk6r22z27h6tvur";
  static final String ANN = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";

  static final String NOTIFICATIONS =
      """
      {"cursor":"2026-11-20T09:00:00.000Z","notifications":[
       {"uri":"at://%2$s/app.bsky.feed.post/3lbbbbbbbbbb2","cid":"bafyreib2","author":{"did":"%2$s","handle":"ann.example.com","displayName":"Ann <script>"},
        "reason":"reply","record":{"$type":"app.bsky.feed.post","text":"Yes! Open Sunday 🎉","createdAt":"2026-11-21T10:05:00.000Z","langs":["en"],
        "reply":{"root":{"uri":"at://%1$s/app.bsky.feed.post/3laaaaaaaaaa2","cid":"bafyreia1"},"parent":{"uri":"at://%1$s/app.bsky.feed.post/3laaaaaaaaaa2","cid":"bafyreia1"}}},
        "isRead":false,"indexedAt":"2026-11-21T10:05:01.000Z","labels":[]},
       {"uri":"at://%2$s/app.bsky.feed.like/3lcccccccccc2","cid":"bafyreic3","author":{"did":"%2$s","handle":"ann.example.com"},
        "reason":"like","reasonSubject":"at://%1$s/app.bsky.feed.post/3laaaaaaaaaa2","record":{"$type":"app.bsky.feed.like","createdAt":"2026-11-21T10:04:00.000Z"},
        "isRead":false,"indexedAt":"2026-11-21T10:04:00.500Z"},
       {"uri":"at://%2$s/app.bsky.graph.starterpack/x","cid":"bafyreid4","author":{"did":"%2$s","handle":"ann.example.com"},
        "reason":"starterpack-joined","record":{},"isRead":true,"indexedAt":"2026-11-21T10:03:00.000Z"},
       {"uri":"at://%2$s/app.bsky.feed.post/3ldddddddddd2","cid":"bafyreie5","author":{"did":"%2$s","handle":"ann.example.com","displayName":""},
        "reason":"mention","record":{"$type":"app.bsky.feed.post","text":"@me.example.com is the best café","createdAt":"2026-11-21T10:00:00.000Z"},
        "isRead":true,"indexedAt":"2026-11-21T10:00:00.000Z"}]}
      """
          .formatted(ME, ANN);

  static final String SEARCH =
      """
      {"cursor":"25","hitsTotal":2,"posts":[
       {"uri":"at://%1$s/app.bsky.feed.post/3lfffffffff22","cid":"bafyreif","author":{"did":"%1$s","handle":"ann.example.com","displayName":"Ann"},
        "record":{"$type":"app.bsky.feed.post","text":"Northwind coffee is great","createdAt":"2026-11-21T11:00:00.000Z","langs":["en"]},
        "replyCount":0,"repostCount":1,"likeCount":3,"indexedAt":"2026-11-21T11:00:02.000Z","labels":[]},
       {"uri":"at://%1$s/app.bsky.feed.post/3leeeeeeeee22","cid":"bafyreie","author":{"did":"%1$s","handle":"ann.example.com"},
        "record":{"$type":"app.bsky.feed.post","text":"Trying Northwind","createdAt":"2026-11-21T09:00:00.000Z"},
        "indexedAt":"2026-11-21T09:00:01.000Z"}]}
      """
          .formatted(ANN);

  static final String PROFILE =
      """
      {"did":"%s","handle":"me.example.com","displayName":"Northwind","description":"Coffee roasters. https://northwind.example and https://shop.example/x.",
       "avatar":"https://cdn.bsky.app/img/avatar/plain/%1$s/bafkrei@jpeg","followersCount":1234,"followsCount":5,"postsCount":99}
      """
          .formatted(ME);

  Javalin server;
  URI base;
  final AtomicReference<String> notifications = new AtomicReference<>(NOTIFICATIONS);
  final List<String> tokensSeen = new CopyOnWriteArrayList<>();
  final List<String> sinceSeen = new CopyOnWriteArrayList<>();
  final Clock clock = Clock.systemUTC();
  BlueskyConnector connector;
  final List<BlueskySession.Credentials> refreshed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/xrpc/app.bsky.notification.listNotifications",
                      ctx -> {
                        String auth = ctx.header("Authorization");
                        tokensSeen.add(auth);
                        if (!"Bearer fresh".equals(auth)) {
                          ctx.status(400)
                              .json(
                                  java.util.Map.of(
                                      "error", "ExpiredToken", "message", "Token has expired"));
                          return;
                        }
                        ctx.contentType("application/json").result(notifications.get());
                      });
                  c.routes.post(
                      "/xrpc/com.atproto.server.refreshSession",
                      ctx -> {
                        if (!"Bearer refresh-1".equals(ctx.header("Authorization"))) {
                          ctx.status(400).json(java.util.Map.of("error", "ExpiredToken"));
                          return;
                        }
                        ctx.json(
                            java.util.Map.of(
                                "accessJwt",
                                "fresh",
                                "refreshJwt",
                                "refresh-2",
                                "handle",
                                "me.example.com",
                                "did",
                                ME));
                      });
                  c.routes.get(
                      "/xrpc/app.bsky.feed.searchPosts",
                      ctx -> {
                        sinceSeen.add(
                            String.valueOf(ctx.queryParam("since")) + " " + ctx.queryParam("sort"));
                        if ("rate".equals(ctx.queryParam("q"))) {
                          ctx.status(429)
                              .header(
                                  "RateLimit-Reset",
                                  Long.toString(clock.instant().getEpochSecond() + 30))
                              .json(
                                  java.util.Map.of(
                                      "error",
                                      "RateLimitExceeded",
                                      "message",
                                      "Rate Limit Exceeded"));
                          return;
                        }
                        if ("broken".equals(ctx.queryParam("q"))) {
                          ctx.contentType("application/json").result("{\"posts\":[{\"uri\":");
                          return;
                        }
                        ctx.contentType("application/json").result(SEARCH);
                      });
                  c.routes.get(
                      "/xrpc/app.bsky.actor.getProfile",
                      ctx -> ctx.contentType("application/json").result(PROFILE));
                })
            .start("127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + server.port());
    SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");
    BlueskyDirectory directory = new BlueskyDirectory(http, base, base, clock);
    // An access token the server calls expired although its exp is far off: the reactive path.
    String stale = BlueskyInteropTest.fakeJwt(4_000_000_000L);
    var creds =
        new BlueskySession.Credentials("me.example.com", ME, base, "app-pass", stale, "refresh-1");
    connector =
        new BlueskyConnector(
            BlueskySession.resume(directory, creds, clock, refreshed::add), directory, clock);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void notificationsBecomeItemsOldestFirstAfterTheExpiredTokenIsRefreshed() {
    ReadsMentions.Batch b = connector.readSince(null);
    assertThat(tokensSeen).hasSize(2).last().isEqualTo("Bearer fresh");
    assertThat(refreshed)
        .singleElement()
        .extracting(BlueskySession.Credentials::refreshJwt)
        .isEqualTo("refresh-2");
    // The starter-pack notification is not kept; the rest come oldest first.
    assertThat(b.items())
        .extracting(InboundItem::kind)
        .containsExactly("mention", "favourite", "reply");
    InboundItem mention = b.items().get(0);
    assertThat(mention.text()).isEqualTo("@me.example.com is the best café");
    assertThat(mention.authorName()).isNull();
    assertThat(mention.ref().url())
        .isEqualTo("https://bsky.app/profile/" + ANN + "/post/3ldddddddddd2");
    InboundItem like = b.items().get(1);
    assertThat(like.text()).isEmpty();
    assertThat(like.inReplyTo().id()).isEqualTo("at://" + ME + "/app.bsky.feed.post/3laaaaaaaaaa2");
    InboundItem reply = b.items().get(2);
    assertThat(reply.authorHandle()).isEqualTo("ann.example.com");
    assertThat(reply.authorName()).isEqualTo("Ann <script>");
    assertThat(reply.authorUrl()).isEqualTo("https://bsky.app/profile/ann.example.com");
    assertThat(reply.inReplyTo().cid()).isEqualTo("bafyreia1");
    assertThat(reply.language()).isEqualTo("en");
    assertThat(b.cursor()).isEqualTo("2026-11-21T10:05:01.000Z");
  }

  @Test
  void aReadSinceACursorKeepsOnlyNotificationsFromThatInstantOn() {
    ReadsMentions.Batch b = connector.readSince("2026-11-21T10:04:00.500Z");
    // The like at exactly the cursor comes again (the store drops it); older ones do not.
    assertThat(b.items()).extracting(InboundItem::kind).containsExactly("favourite", "reply");
    assertThat(b.cursor()).isEqualTo("2026-11-21T10:05:01.000Z");
    notifications.set("{\"notifications\":[]}");
    assertThat(connector.readSince(b.cursor()))
        .satisfies(
            n -> {
              assertThat(n.items()).isEmpty();
              assertThat(n.cursor()).isEqualTo(b.cursor());
            });
  }

  @Test
  void searchReturnsPostsOldestFirstAndAsksForLatestSinceTheCursor() {
    ReadsMentions.Batch b = connector.search("northwind", "2026-11-21T08:00:00.000Z");
    assertThat(b.items())
        .extracting(InboundItem::text)
        .containsExactly("Trying Northwind", "Northwind coffee is great");
    assertThat(b.items()).allMatch(i -> i.kind().equals("post"));
    assertThat(b.cursor()).isEqualTo("2026-11-21T11:00:02.000Z");
    assertThat(sinceSeen).containsExactly("2026-11-21T08:00:00.000Z latest");
  }

  @Test
  void aSearchSourceReadsFromItsOwnCursorAndTheFirehoseIsOnlyThereWhenGiven() {
    assertThat(connector.readableSources()).containsExactly(Source.Kind.SEARCH);
    ReadsMentions.Batch b = connector.read(Source.search("northwind"), "2026-11-21T08:00:00.000Z");
    assertThat(b.items())
        .extracting(InboundItem::text)
        .containsExactly("Trying Northwind", "Northwind coffee is great");
    assertThat(b.cursor()).isEqualTo("2026-11-21T11:00:02.000Z");
    assertThatThrownBy(() -> connector.read(Source.hashtag("coffee"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(connector.streamableSources()).isEmpty();
    connector.withFirehose(
        JetstreamConsumer.posts(
            new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test"),
            URI.create("ws://127.0.0.1:9/subscribe")));
    assertThat(connector.streamableSources()).containsExactly(Source.Kind.FIREHOSE);
  }

  @Test
  void aRateLimitedSearchIsRetryableAfterTheResetTheServerNamed() {
    assertThatThrownBy(() -> connector.search("rate", null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(31));
              assertThat(e.getMessage()).contains("rate limited");
            });
  }

  @Test
  void malformedJsonFromTheServerIsAClearFailure() {
    assertThatThrownBy(() -> connector.search("broken", null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage("Bluesky, searching posts: the server sent malformed JSON (HTTP 200)");
  }

  @Test
  void theProfileComesFromTheAppViewWithFollowersAndTheLinksInTheBio() {
    var p = connector.profile();
    assertThat(p.handle()).isEqualTo("me.example.com");
    assertThat(p.displayName()).isEqualTo("Northwind");
    assertThat(p.followers()).isEqualTo(1234);
    assertThat(p.links()).containsExactly("https://northwind.example", "https://shop.example/x");
  }
}
