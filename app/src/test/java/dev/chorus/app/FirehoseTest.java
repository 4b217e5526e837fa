package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.Connectors;
import dev.chorus.channels.bluesky.BlueskyDirectory;
import dev.chorus.channels.bluesky.BlueskySession;
import dev.chorus.channels.bluesky.JetstreamConsumer;
import dev.chorus.channels.bluesky.JetstreamReplayServer;
import dev.chorus.channels.bluesky.JetstreamReplayServer.Event;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.Core;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.ListeningSources;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RenewCredentials;
import dev.chorus.core.channel.Source;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.security.SecretBox;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bluesky channel listening to the firehose through the production wiring ({@code Connectors},
 * the stream supervisor, {@code HeardItems}) against a local Jetstream replaying events: only posts
 * matching an enabled saved query are stored, the time_us cursor is stored after them, and a
 * restart resumes from it (rewound) without storing anything twice.
 */
class FirehoseTest {
  static final long T0 = 1_725_911_162_000_000L;
  static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
  static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dir;
  final SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");

  @Test
  void onlyPostsMatchingASavedQueryAreKeptAndARestartResumesFromTheStoredCursor() {
    DatabaseUrl url = DatabaseUrl.sqlite(dir.resolve("chorus.db"));
    List<Event> first = events(0, 8);
    Channel channel;
    Actor owner;
    try (var jetstream = new JetstreamReplayServer(first, -1);
        var db = open(url)) {
      Core core = core(db, jetstream.subscribeUri());
      var user =
          db.inTransaction(
              h ->
                  core.createUser.create(h, "owner@example.com", "Owner", "correct horse battery"));
      var ws = db.inTransaction(h -> core.createWorkspace.create(h, user, "Acme", null));
      owner = new Actor(user, ws, Role.OWNER, null);
      core.saveQuery.save(owner, null, new SaveQuery.Draft("Espresso", "espresso", List.of()));
      channel =
          core.connectChannel.connect(
              owner,
              new ConnectChannel.Spec(
                  Network.BLUESKY,
                  "Acme on Bluesky",
                  "acme.test",
                  Map.of(),
                  new BlueskySession.Credentials(
                          "acme.test",
                          "did:plc:acmeacmeacmeacmeacmeacme",
                          URI.create("http://127.0.0.1:9"),
                          "app-password",
                          "access",
                          "refresh")
                      .toJson(),
                  null));
      core.changeSources.change(
          owner, channel.id(), ListeningSources.check(Network.BLUESKY, "", "", false, true));
      core.streams.start();
      try {
        await(() -> texts(db, channel).size() == 4);
        await(() -> Long.toString(T0 + 7_000_000L).equals(cursor(core, channel)));
      } finally {
        core.streams.close();
        core.pipeline.close();
      }
      assertThat(texts(db, channel)).allMatch(t -> t.contains("espresso")).hasSize(4);
      assertThat(jetstream.connections.get(0).get("wantedCollections"))
          .containsExactly("app.bsky.feed.post");
      assertThat(jetstream.connections.get(0).get("cursor")).isNull();
      int matches =
          db.read(
              h -> h.createQuery("SELECT COUNT(*) FROM item_matches").mapTo(Integer.class).one());
      assertThat(matches).isEqualTo(4);
    }

    // After a restart, a new supervisor resumes from the stored cursor, rewound; what the rewind
    // repeats is not stored again, and what is new is.
    List<Event> more = new ArrayList<>(first);
    more.addAll(events(8, 12));
    try (var jetstream = new JetstreamReplayServer(more, -1);
        var db = open(url)) {
      Core core = core(db, jetstream.subscribeUri());
      core.streams.start();
      try {
        await(() -> texts(db, channel).size() == 6);
        await(() -> Long.toString(T0 + 11_000_000L).equals(cursor(core, channel)));
      } finally {
        core.streams.close();
        core.pipeline.close();
      }
      long resumedAt = Long.parseLong(jetstream.connections.get(0).get("cursor").get(0));
      assertThat(resumedAt).isEqualTo(T0 + 7_000_000L - JetstreamConsumer.REWIND.toNanos() / 1000);
      List<String> ids =
          db.read(
              h -> h.createQuery("SELECT remote_id FROM inbound_items").mapTo(String.class).list());
      assertThat(ids).hasSize(6).doesNotHaveDuplicates();
      assertThat(texts(db, channel)).contains("post 9: the Northwind espresso is back");
    }
  }

  private static Database open(DatabaseUrl url) {
    Database db = Database.open(url, new Database.Options(Duration.ofMillis(500), 4, null));
    db.migrate();
    return db;
  }

  /** The core services as {@code App} wires them, with Jetstream at {@code jetstream}. */
  private Core core(Database db, URI jetstream) {
    Clock clock = Clock.systemUTC();
    InstanceKey key = InstanceKey.fromBase64(KEY);
    RenewCredentials renew =
        new RenewCredentials(db, new ChannelStore(), new ChannelSecrets(new SecretBox(key)));
    URI nowhere = URI.create("http://127.0.0.1:9");
    return new Core(
        db,
        clock,
        SignInThrottle.Limits.defaults(),
        key,
        new Connectors(
            http, clock, new BlueskyDirectory(http, nowhere, nowhere, clock), renew, jetstream));
  }

  /**
   * Posts one second apart from {@code from} (inclusive) to {@code to}: the odd ones talk about
   * espresso, the even ones are noise.
   */
  static List<Event> events(int from, int to) {
    List<Event> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      long t = T0 + i * 1_000_000L;
      String text =
          i % 2 == 1 ? "post " + i + ": the Northwind espresso is back" : "post " + i + ": rain";
      out.add(
          new Event(
              t,
              "app.bsky.feed.post",
              "{\"did\":\""
                  + DID
                  + "\",\"time_us\":"
                  + t
                  + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vuowo2b\",\"operation\":"
                  + "\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3l3qo2vutsw"
                  + (char) ('a' + i)
                  + "b\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":"
                  + "\"2024-09-09T19:46:02.000Z\",\"langs\":[\"en\"],\"text\":\""
                  + text
                  + "\"},\"cid\":\"bafyreibdp2zjrbmqwkd6orhsbnzdsbx2c7ugmiu4e6ohmnn6zdqqiimu3u\"}}"));
    }
    return out;
  }

  private static List<String> texts(Database db, Channel c) {
    return db.read(
        h ->
            h.createQuery("SELECT body FROM inbound_items WHERE channel_id = :c")
                .bind("c", c.id().value())
                .mapTo(String.class)
                .list());
  }

  private static String cursor(Core core, Channel c) {
    return core.db.read(h -> core.sources.cursor(h, c.id(), Source.FIREHOSE));
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
