package dev.chorus.bench.scheduler;

import dev.chorus.core.Core;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PublishScheduler;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publishing scheduler at 100,000 posts on SQLite. Schedules the posts through {@link
 * SchedulePost} (one channel each), spread evenly over a window that starts a few seconds after
 * loading, then runs the product's {@link PublishScheduler} against an in-process network that
 * answers at once and records, per idempotency key, when it was called. Lag is that moment minus
 * the post's due time. Duplicates are keys the network was asked to post more than once; lost are
 * posts that never reached it or are not marked published.
 *
 * <p>Run: {@code scripts/bench scheduler [--posts N] [--window-seconds S] [--workers W]}; the last
 * line is {@code scheduler: posts=N lag-p50=A ms lag-p99=B ms duplicates=D lost=L}.
 */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    int posts = 100_000;
    int windowSeconds = 100;
    int workers = 8;
    for (int k = 0; k + 1 < args.length; k += 2) {
      switch (args[k]) {
        case "--posts" -> posts = Integer.parseInt(args[k + 1]);
        case "--window-seconds" -> windowSeconds = Integer.parseInt(args[k + 1]);
        case "--workers" -> workers = Integer.parseInt(args[k + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    Path folder = Files.createTempDirectory("chorus-scheduler-bench");
    Database db =
        Database.open(
            DatabaseUrl.sqlite(folder.resolve("bench.db")),
            new Database.Options(Duration.ofSeconds(5), Math.max(4, workers + 2), null));
    db.migrate();
    InstantNetwork network = new InstantNetwork();
    Core core =
        new Core(
            db,
            Clock.systemUTC(),
            SignInThrottle.Limits.defaults(),
            InstanceKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])),
            network);
    try {
      run(core, db, network, posts, windowSeconds, workers);
    } finally {
      core.publishScheduler.close();
      core.pipeline.close();
      db.close();
    }
  }

  private static void run(
      Core core, Database db, InstantNetwork network, int posts, int windowSeconds, int workers)
      throws InterruptedException {
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, "bench@example.com", "Bench", "correct horse battery"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Bench", "127.0.0.1"));
    Channel c =
        core.connectChannel.connect(
            new Actor(u, w, Role.OWNER, null),
            new ConnectChannel.Spec(
                Network.MASTODON, "Bench", "https://social.example", Map.of(), "{}", null));

    // Load with due times from a placeholder start, then shift them to just after loading.
    long t0 = System.nanoTime();
    long windowMillis = windowSeconds * 1000L;
    int batch = 5_000;
    for (int from = 0; from < posts; from += batch) {
      int start = from;
      int end = Math.min(posts, from + batch);
      int total = posts;
      db.inTransaction(
          h -> {
            for (int i = start; i < end; i++) {
              core.schedulePost.schedule(
                  h,
                  w.id(),
                  u.id().value(),
                  Instant.ofEpochMilli(windowMillis * i / total),
                  List.of(new SchedulePost.Variant(c.id(), "Scheduled post " + i, null)));
            }
            return null;
          });
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    long shift = System.currentTimeMillis() + 3_000;
    db.inTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE deliveries SET due_at = due_at + :s, claimable_at = claimable_at + :s")
              .bind("s", shift)
              .execute();
          h.createUpdate("UPDATE posts SET due_at = due_at + :s").bind("s", shift).execute();
          return null;
        });
    db.read(
        h -> {
          h.createQuery("SELECT id, due_at FROM deliveries")
              .map((rs, ctx) -> network.due.put(rs.getString("id"), rs.getLong("due_at")))
              .list();
          return null;
        });
    System.out.printf(
        Locale.ROOT,
        "scheduler: scheduled %d posts in %.1f s; due over %d s from 3 s from now, %d workers%n",
        posts,
        loadSeconds,
        windowSeconds,
        workers);

    core.publishScheduler.start(
        new PublishScheduler.Settings(
            workers, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(1)));
    long deadline = shift + windowMillis + 120_000;
    int published = 0;
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      published = count(db, "SELECT COUNT(*) FROM deliveries WHERE status = 'published'");
      if (published >= posts) break;
    }
    core.publishScheduler.close();

    long[] lags = network.lags();
    Arrays.sort(lags);
    int notPublished = posts - count(db, "SELECT COUNT(*) FROM posts WHERE status = 'published'");
    int neverCalled = posts - network.calls.size();
    int lost = Math.max(notPublished, neverCalled);
    System.out.printf(
        Locale.ROOT,
        "scheduler: lag p50=%d ms p90=%d ms p99=%d ms max=%d ms min=%d ms over %d dispatches%n",
        pct(lags, 50),
        pct(lags, 90),
        pct(lags, 99),
        lags.length == 0 ? 0 : lags[lags.length - 1],
        lags.length == 0 ? 0 : lags[0],
        lags.length);
    System.out.printf(
        Locale.ROOT,
        "scheduler: posts=%d lag-p50=%d ms lag-p99=%d ms duplicates=%d lost=%d%n",
        posts,
        pct(lags, 50),
        pct(lags, 99),
        network.duplicates.get(),
        lost);
  }

  private static int count(Database db, String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private static long pct(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** A network that posts at once and notes when each key first arrived. */
  private static final class InstantNetwork implements ConnectorFactory {
    final Map<String, Long> due = new HashMap<>();
    final Map<String, Long> calls = new ConcurrentHashMap<>();
    final AtomicInteger duplicates = new AtomicInteger();

    long[] lags() {
      return calls.entrySet().stream().mapToLong(e -> e.getValue() - due.get(e.getKey())).toArray();
    }

    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public Network network() {
          return Network.MASTODON;
        }

        @Override
        public ChannelLimits limits() {
          return new ChannelLimits(500, false, 23, 0, 0, 0);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          long now = System.currentTimeMillis();
          if (calls.putIfAbsent(idempotencyKey, now) != null) duplicates.incrementAndGet();
          return new RemoteRef("r-" + idempotencyKey, null, null);
        }
      };
    }
  }
}
