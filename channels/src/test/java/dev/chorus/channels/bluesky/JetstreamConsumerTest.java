package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.bluesky.JetstreamReplayServer.Event;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.InboundItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The Jetstream consumer against a local server replaying recorded events. */
class JetstreamConsumerTest {
  static final long T0 = 1_725_911_162_000_000L;
  static final String DID_A = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
  static final String DID_B = "did:plc:q6gjnaw2blty4crticxkmujt";

  /** Ten events a second apart, as Jetstream sends them: posts, a reply, and other kinds. */
  static List<Event> recorded() {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long t = T0 + i * 1_000_000L;
      String rkey = "3l3qo2vutsw" + (char) ('a' + i) + "b";
      switch (i) {
        case 2 ->
            out.add(
                new Event(
                    t,
                    "app.bsky.feed.like",
                    "{\"did\":\""
                        + DID_B
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vutsw2b\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\""
                        + rkey
                        + "\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"createdAt\":\"2024-09-09T19:46:02.102Z\",\"subject\":{\"cid\":\"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4\",\"uri\":\"at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325\"}},\"cid\":\"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi\"}}"));
        case 4 ->
            out.add(
                new Event(
                    t,
                    null,
                    "{\"did\":\""
                        + DID_A
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"identity\",\"identity\":{\"did\":\""
                        + DID_A
                        + "\",\"handle\":\"ann.example.com\",\"seq\":1409752997,\"time\":\"2024-09-05T06:11:04.870Z\"}}"));
        case 5 ->
            out.add(
                new Event(
                    t,
                    null,
                    "{\"did\":\""
                        + DID_B
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"account\",\"account\":{\"active\":true,\"did\":\""
                        + DID_B
                        + "\",\"seq\":1409753013,\"time\":\"2024-09-05T06:11:04.870Z\"}}"));
        case 6 ->
            out.add(
                new Event(
                    t,
                    "app.bsky.feed.post",
                    "{\"did\":\""
                        + DID_B
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vutsw2b\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3l3qo2vutswab\"}}"));
        case 7 ->
            out.add(
                new Event(
                    t,
                    "app.bsky.feed.post",
                    "{\"did\":\""
                        + DID_B
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vuowo2b\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                        + rkey
                        + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2024-09-09T19:46:09.000Z\",\"langs\":[\"en\"],\"reply\":{\"parent\":{\"cid\":\"bafyreia5z2f5ubv3xxgzsnfdwmzwabrhmkz4oogkmuobyp3bmfgr7bi6ci\",\"uri\":\"at://"
                        + DID_A
                        + "/app.bsky.feed.post/3l3qo2vutswab\"},\"root\":{\"cid\":\"bafyreia5z2f5ubv3xxgzsnfdwmzwabrhmkz4oogkmuobyp3bmfgr7bi6ci\",\"uri\":\"at://"
                        + DID_A
                        + "/app.bsky.feed.post/3l3qo2vutswab\"}},\"text\":\"Same here! \\u2615\"},\"cid\":\"bafyreibdp2zjrbmqwkd6orhsbnzdsbx2c7ugmiu4e6ohmnn6zdqqiimu3u\"}}"));
        default ->
            out.add(
                new Event(
                    t,
                    "app.bsky.feed.post",
                    "{\"did\":\""
                        + DID_A
                        + "\",\"time_us\":"
                        + t
                        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vuowo2b\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                        + rkey
                        + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2024-09-09T19:46:0"
                        + i
                        + ".000Z\",\"langs\":[\"en\"],\"text\":\"post "
                        + i
                        + " about Northwind coffee\"},\"cid\":\"bafyreibdp2zjrbmqwkd6orhsbnzdsbx2c7ugmiu4e6ohmnn6zdqqiimu3u\"}}"));
      }
    }
    return out;
  }

  static String uri(String did, int i) {
    return "at://" + did + "/app.bsky.feed.post/3l3qo2vutsw" + (char) ('a' + i) + "b";
  }

  static final List<String> ALL_POSTS =
      List.of(
          uri(DID_A, 0), uri(DID_A, 1), uri(DID_A, 3), uri(DID_B, 7), uri(DID_A, 8), uri(DID_A, 9));

  /**
   * A connection silent this long is replaced. The JDK client does not always report a connection
   * the server dropped without a close frame; the consumer's idle guard then reconnects.
   */
  static final Duration QUIET = Duration.ofSeconds(2);

  final SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");

  /** Takes items until {@code n} arrived (the server replays at once; the wait is only a guard). */
  static List<InboundItem> take(BlockingQueue<InboundItem> q, int n) throws InterruptedException {
    List<InboundItem> out = new ArrayList<>();
    while (out.size() < n) {
      InboundItem i = q.poll(30, TimeUnit.SECONDS);
      if (i == null) break;
      out.add(i);
    }
    return out;
  }

  static long rewound(long timeUs) {
    return timeUs - JetstreamConsumer.REWIND.toNanos() / 1000;
  }

  @Test
  void createdPostsBecomeItemsAndADroppedConnectionResumesFromTheCursorWithoutDuplicates()
      throws Exception {
    BlockingQueue<InboundItem> items = new LinkedBlockingQueue<>();
    List<String> cursors = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (var server = new JetstreamReplayServer(recorded(), 3);
        var stream =
            new JetstreamConsumer(
                    http,
                    server.subscribeUri(),
                    List.of("app.bsky.feed.post"),
                    Duration.ZERO,
                    QUIET)
                .stream(null, items::add, cursors::add)) {
      List<InboundItem> got = take(items, ALL_POSTS.size());
      assertThat(got).extracting(i -> i.ref().id()).containsExactlyElementsOf(ALL_POSTS);
      assertThat(items.poll()).isNull();
      // The first connection died after three posts (t0, t1, t3); the second asked for REWIND
      // before the cursor reported when it died, and the consumer dropped what it had handed over.
      assertThat(server.connections).hasSizeGreaterThanOrEqualTo(2);
      assertThat(server.connections.get(0).get("wantedCollections"))
          .containsExactly("app.bsky.feed.post");
      assertThat(server.connections.get(0).get("cursor")).isNull();
      long resumedAt = Long.parseLong(server.connections.get(1).get("cursor").get(0));
      assertThat(cursors)
          .contains(Long.toString(resumedAt + JetstreamConsumer.REWIND.toNanos() / 1000));
      assertThat(resumedAt).isLessThanOrEqualTo(rewound(T0 + 3_000_000L));
    }
  }

  @Test
  void itemsCarryTheAuthorTextLanguageReplyAndTime() throws Exception {
    BlockingQueue<InboundItem> items = new LinkedBlockingQueue<>();
    try (var server = new JetstreamReplayServer(recorded(), -1);
        var stream =
            new JetstreamConsumer(http, server.subscribeUri(), List.of("app.bsky.feed.post"))
                .stream(null, items::add, c -> {})) {
      InboundItem reply = take(items, 4).get(3);
      assertThat(reply.kind()).isEqualTo("reply");
      assertThat(reply.ref().id()).isEqualTo(uri(DID_B, 7));
      assertThat(reply.ref().cid())
          .isEqualTo("bafyreibdp2zjrbmqwkd6orhsbnzdsbx2c7ugmiu4e6ohmnn6zdqqiimu3u");
      assertThat(reply.ref().url())
          .isEqualTo("https://bsky.app/profile/" + DID_B + "/post/3l3qo2vutswhb");
      assertThat(reply.text()).isEqualTo("Same here! ☕");
      assertThat(reply.authorHandle()).isEqualTo(DID_B);
      assertThat(reply.language()).isEqualTo("en");
      assertThat(reply.createdAt()).isEqualTo(Instant.parse("2024-09-09T19:46:09Z"));
      assertThat(reply.inReplyTo().id()).isEqualTo(uri(DID_A, 0));
    }
  }

  @Test
  void aRestartResumesFromTheStoredCursorRewoundAndTheCursorNeverGoesBack() throws Exception {
    long stored = T0 + 5_000_000L;
    BlockingQueue<InboundItem> items = new LinkedBlockingQueue<>();
    List<String> cursors = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (var server = new JetstreamReplayServer(recorded(), -1);
        var stream =
            new JetstreamConsumer(
                    http,
                    server.subscribeUri(),
                    List.of("app.bsky.feed.post"),
                    Duration.ZERO,
                    QUIET)
                .stream(Long.toString(stored), items::add, cursors::add)) {
      // The rewind replays t3 (handed over before the restart; the store drops it again), then
      // everything after the stored cursor.
      assertThat(take(items, 4))
          .extracting(i -> i.ref().id())
          .containsExactly(uri(DID_A, 3), uri(DID_B, 7), uri(DID_A, 8), uri(DID_A, 9));
      assertThat(server.connections.get(0).get("cursor"))
          .containsExactly(Long.toString(rewound(stored)));
      // Nothing below the stored cursor is ever reported, and reports only move forward.
      List<Long> reported = cursors.stream().map(Long::parseLong).toList();
      assertThat(reported).isSorted().allMatch(c -> c > stored);
    }
  }

  @Test
  void anItemTheCallerFailsToStoreIsDeliveredAgainAfterReconnecting() throws Exception {
    BlockingQueue<InboundItem> items = new LinkedBlockingQueue<>();
    AtomicBoolean failed = new AtomicBoolean();
    try (var server = new JetstreamReplayServer(recorded(), -1);
        var stream =
            new JetstreamConsumer(http, server.subscribeUri(), List.of("app.bsky.feed.post"))
                .stream(
                    null,
                    i -> {
                      if (i.ref().id().equals(uri(DID_A, 1)) && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("database is locked");
                      }
                      items.add(i);
                    },
                    c -> {})) {
      assertThat(take(items, ALL_POSTS.size()))
          .extracting(i -> i.ref().id())
          .containsExactlyElementsOf(ALL_POSTS);
      assertThat(server.connections).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void closingTheStreamStopsReconnecting() throws Exception {
    BlockingQueue<InboundItem> items = new LinkedBlockingQueue<>();
    var server = new JetstreamReplayServer(recorded(), -1);
    var consumer =
        new JetstreamConsumer(http, server.subscribeUri(), List.of("app.bsky.feed.post"));
    AutoCloseable stream = consumer.stream(null, items::add, c -> {});
    assertThat(take(items, 1)).hasSize(1);
    stream.close();
    int connections = server.connections.size();
    server.close();
    assertThat(server.connections).hasSize(connections);
  }
}
