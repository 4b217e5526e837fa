package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.bluesky.BlueskySession;
import dev.chorus.channels.bluesky.LocalPds;
import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.Workspace;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash proof of issue 6 on Bluesky, against the real reference PDS that {@code
 * scripts/interop} starts on loopback (tagged "interop", so it runs there, in scripts/check-all's
 * interop step): {@code chorus serve} runs as its own process and publishes scheduled posts, some
 * of them threads of three parts, to an account on the PDS; it is killed with SIGKILL ({@link
 * Process#destroyForcibly} on Linux) at random moments, 50 times, and restarted each time. Every
 * record key derives from the delivery's id (and the part's position), so a delivery claimed again
 * after a kill finds what its predecessor created instead of posting it twice. In the end the
 * account's records on the PDS ({@code com.atproto.repo.listRecords}) hold every scheduled post
 * exactly once, and each thread part replies to the part before it.
 */
@Tag("interop")
class BlueskyPublishCrashTest {
  /** Scheduled items; every fourth is a thread of {@link #THREAD_PARTS} parts. */
  private static final int ITEMS = 96;

  private static final int THREAD_PARTS = 3;
  private static final int KILLS = 50;
  private static final String POST = "app.bsky.feed.post";

  @TempDir Path dir;

  @Test
  void scheduledPostsAndThreadsAreOnThePdsExactlyOnceThroughFiftyKills() throws Exception {
    long started = System.nanoTime();
    LocalPds peer = LocalPds.fromEnvironment();
    LocalPds.Account account = peer.createAccount("crash");
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    Config config = Config.defaults(dir).withSecretKey(key);
    Instant firstDue = Instant.now().plusSeconds(6);
    schedule(config, peer, account, firstDue);
    String jetstream = "ws://127.0.0.1:" + closedPort() + "/subscribe";

    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    List<Integer> seenAtKill = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      Path log = dir.resolve("serve-" + kill + ".log");
      Process p = serve(key, log, peer, jetstream);
      if (kill % 5 == 4) {
        // Anywhere in start-up: migrations, holding missed posts, the first claims.
        Thread.sleep(random.nextInt(5000));
      } else {
        // While it sends: what fell due while it was down goes out as soon as it is up.
        awaitRunning(log, p);
        Thread.sleep(random.nextInt(1500));
      }
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      seenAtKill.add(records(peer, account).size());
    }

    Process last = serve(key, dir.resolve("serve-last.log"), peer, jetstream);
    try {
      // On a fast machine the kills end before the last item is due: wait for it too.
      Instant lastDue = firstDue.plusMillis(2400L * (ITEMS - 1));
      long wait = Math.max(90, java.time.Duration.between(Instant.now(), lastDue).toSeconds() + 60);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
      while (published(config) < ITEMS && System.nanoTime() < deadline) Thread.sleep(200);
    } finally {
      new ProcessBuilder("kill", "-TERM", Long.toString(last.pid())).start().waitFor();
      if (!last.waitFor(30, TimeUnit.SECONDS)) last.destroyForcibly();
    }

    List<JsonNode> records = records(peer, account);
    String context = "seed " + seed + "; records on the PDS at each kill: " + seenAtKill;
    Map<String, JsonNode> byText = new HashMap<>();
    for (JsonNode r : records) {
      String text = r.at("/value/text").asText();
      assertThat(byText.put(text, r)).as("a second record for \"%s\" (%s)", text, context).isNull();
    }
    int expected = 0;
    for (int i = 0; i < ITEMS; i++) {
      List<String> parts = parts(i);
      expected += parts.size();
      String previousUri = null;
      for (String part : parts) {
        JsonNode r = byText.get(part);
        assertThat(r).as("a record for \"%s\" (%s)", part, context).isNotNull();
        if (previousUri != null) {
          assertThat(r.at("/value/reply/parent/uri").asText())
              .as("\"%s\" replies to the part before it", part)
              .isEqualTo(previousUri);
          assertThat(r.at("/value/reply/root/uri").asText())
              .as("\"%s\" belongs to its thread", part)
              .isEqualTo(byText.get(parts.get(0)).get("uri").asText());
        }
        previousUri = r.get("uri").asText();
      }
    }
    assertThat(records).as(context).hasSize(expected);
    assertThat(published(config)).isEqualTo(ITEMS);
    // Kills landed mid-sending: deliveries their killed node had claimed were claimed again.
    int reclaimed = reclaimed(config);
    assertThat(reclaimed).as(context).isPositive();
    System.out.printf(
        "BlueskyPublishCrashTest: %d items (%d threads of %d), %d kills, %d records on the PDS,"
            + " %d deliveries claimed again after a kill, %d s; %s%n",
        ITEMS,
        ITEMS / 4,
        THREAD_PARTS,
        KILLS,
        records.size(),
        reclaimed,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        context);
  }

  /** The texts item {@code i} publishes: one, or the parts of a thread. */
  private static List<String> parts(int i) {
    if (i % 4 != 3) return List.of(String.format("bluesky crash-proof post %03d.", i));
    List<String> parts = new ArrayList<>();
    for (int k = 1; k <= THREAD_PARTS; k++) {
      parts.add(
          String.format("bluesky crash-proof thread %03d, part %d of %d.", i, k, THREAD_PARTS));
    }
    return parts;
  }

  /** Every post record in the account's repository, through listRecords' cursor. */
  private static List<JsonNode> records(LocalPds peer, LocalPds.Account account) {
    List<JsonNode> out = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          peer.get(
              "com.atproto.repo.listRecords?repo="
                  + account.did()
                  + "&collection="
                  + POST
                  + "&limit=100"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      page.get("records").forEach(out::add);
      cursor =
          page.hasNonNull("cursor") && page.get("records").size() > 0
              ? page.get("cursor").asText()
              : null;
    } while (cursor != null);
    return out;
  }

  /** Waits until the process's log says it serves (the scheduler starts with it). */
  private static void awaitRunning(Path log, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(log) && Files.readString(log).contains("is running at")) return;
      Thread.sleep(20);
    }
    throw new AssertionError("the server did not start: " + Files.readString(log));
  }

  /**
   * One workspace with a Bluesky channel for the account on the PDS (signed in with its app
   * password, as connecting does), and the items due 2.4 s apart, about the length of the kill
   * phase.
   */
  private void schedule(Config config, LocalPds peer, LocalPds.Account account, Instant firstDue) {
    var login =
        LocalPds.JSON
            .createObjectNode()
            .put("identifier", account.handle())
            .put("password", account.password());
    JsonNode session = peer.post("com.atproto.server.createSession", login.toString(), null);
    BlueskySession.Credentials credentials =
        new BlueskySession.Credentials(
            account.handle(),
            account.did(),
            peer.pds,
            account.password(),
            session.get("accessJwt").asText(),
            session.get("refreshJwt").asText());
    Database db = Database.open(config.databaseUrl(), config.databaseOptions());
    db.migrate();
    Core core = App.core(config, db, Clock.systemUTC(), App.key(config));
    try {
      User u =
          db.inTransaction(
              h -> core.createUser.create(h, "o@example.com", "Olu", "correct horse battery"));
      Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", "127.0.0.1"));
      Actor owner = new Actor(u, w, Role.OWNER, null);
      Channel c =
          core.connectChannel.connect(
              owner,
              new ConnectChannel.Spec(
                  Network.BLUESKY,
                  "@" + account.handle(),
                  account.handle(),
                  Map.of("did", account.did(), "pds", peer.pds.toString()),
                  credentials.toJson(),
                  null));
      for (int i = 0; i < ITEMS; i++) {
        Instant due = firstDue.plusMillis(2400L * i);
        List<String> parts = parts(i);
        if (parts.size() == 1) {
          db.inTransaction(
              h ->
                  core.schedulePost.schedule(
                      h,
                      w.id(),
                      u.id().value(),
                      due,
                      List.of(new SchedulePost.Variant(c.id(), parts.get(0), null))));
        } else {
          // A thread: drafted as the composer does, then scheduled with its parts.
          PostId post =
              core.drafts.create(
                  owner, new Draft(parts, null, List.of(Draft.Variant.base(c.id()))));
          List<SchedulePost.Part> ps =
              parts.stream().map(t -> new SchedulePost.Part(t, List.of())).toList();
          db.inTransaction(
              h -> {
                core.schedulePost.scheduleExisting(
                    h,
                    w.id(),
                    post,
                    due,
                    "UTC",
                    List.of(new SchedulePost.Thread(c.id(), ps, null)));
                return null;
              });
        }
      }
    } finally {
      core.pipeline.close();
      db.close();
    }
  }

  private static int published(Config config) {
    try (Database db = Database.open(config.databaseUrl(), config.databaseOptions())) {
      return db.read(
          h ->
              h.createQuery("SELECT COUNT(*) FROM posts WHERE status = 'published'")
                  .mapTo(Integer.class)
                  .one());
    }
  }

  /** Deliveries claimed more than once: a kill took the node that held them. */
  private static int reclaimed(Config config) {
    try (Database db = Database.open(config.databaseUrl(), config.databaseOptions())) {
      return db.read(
          h ->
              h.createQuery("SELECT COUNT(*) FROM deliveries WHERE attempts > 1")
                  .mapTo(Integer.class)
                  .one());
    }
  }

  /** A loopback port nothing listens on: the Bluesky channel's firehose stays on this host. */
  private static int closedPort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Process serve(String key, Path log, LocalPds peer, String jetstream)
      throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=classpath:log4j2.xml",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.chorus.app.Main",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dir.toString()));
    pb.environment().put("CHORUS_SECRET_KEY", key);
    pb.environment().put("CHORUS_ALLOW_LOOPBACK", "true");
    pb.environment().put("CHORUS_BLUESKY_APPVIEW", peer.pds.toString());
    pb.environment().put("CHORUS_BLUESKY_PLC", peer.plc.toString());
    pb.environment().put("CHORUS_JETSTREAM_URL", jetstream);
    // Short leases: a delivery whose node was killed is claimed again 2 s later.
    pb.environment().put("CHORUS_PUBLISH_LEASE_SECONDS", "2");
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }
}
