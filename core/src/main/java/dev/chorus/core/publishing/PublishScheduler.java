package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliveries as they fall due. One thread claims due deliveries (as many as there are free
 * workers) under a lease and hands them to a bounded pool of workers ({@link SendDelivery}); then
 * it sleeps until the next delivery's due time, a local {@link #wake}, or {@code recheck} (for
 * posts another node scheduled), whichever comes first. Several nodes may run one each on the same
 * database: a claim is atomic, and a node that dies leaves leases that run out and are claimed
 * again, retried with the same idempotency key.
 *
 * <p>On {@link #start}, deliveries that fell due more than {@code missedAfter} ago and were never
 * tried are held in workspaces that chose {@link MissedPosts#HOLD} (their authors get a notice); in
 * the others they are simply sent.
 */
public final class PublishScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);

  /**
   * @param workers deliveries in flight at once on this node
   * @param lease how long a claim holds a delivery: longer than a connector's slowest call
   *     (SafeHttp: 3 attempts of 5 s connect + 20 s read), or a slow call is claimed twice (still
   *     deduplicated by the key)
   * @param recheck the longest sleep, to see what other nodes scheduled
   * @param missedAfter how late a never-tried delivery is, at start, to count as missed
   */
  public record Settings(int workers, Duration lease, Duration recheck, Duration missedAfter) {
    public Settings {
      if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(recheck, "recheck");
      Objects.requireNonNull(missedAfter, "missedAfter");
    }

    /** 8 workers, 2-minute leases, a look every 10 s for other nodes' posts, missed after 1 min. */
    public static Settings standard() {
      return new Settings(8, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    /** Standard, with CHORUS_PUBLISH_WORKERS and CHORUS_PUBLISH_LEASE_SECONDS when set. */
    public static Settings fromEnv(Map<String, String> env) {
      Settings s = standard();
      String w = env.get("CHORUS_PUBLISH_WORKERS");
      String l = env.get("CHORUS_PUBLISH_LEASE_SECONDS");
      return new Settings(
          w == null || w.isBlank() ? s.workers() : Integer.parseInt(w.strip()),
          l == null || l.isBlank() ? s.lease() : Duration.ofSeconds(Long.parseLong(l.strip())),
          s.recheck(),
          s.missedAfter());
    }
  }

  private final Database db;
  private final Deliveries deliveries;
  private final SendDelivery send;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;
  private final String node = UUID.randomUUID().toString();
  private final AtomicLong claims = new AtomicLong();
  private final java.util.concurrent.ConcurrentLinkedQueue<SendDelivery.Published> published =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Settings settings;
  private Semaphore free;
  private ExecutorService workers;
  private Thread loop;

  public PublishScheduler(
      Database db,
      Deliveries deliveries,
      SendDelivery send,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.deliveries = deliveries;
    this.send = send;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** Holds or keeps the missed deliveries, then starts sending. Call once. */
  public synchronized void start(Settings s) {
    if (loop != null) throw new IllegalStateException("already started");
    this.settings = s;
    holdMissed();
    free = new Semaphore(s.workers());
    workers =
        Executors.newFixedThreadPool(
            s.workers(),
            r -> {
              Thread t = new Thread(r, "chorus-publisher-worker");
              t.setDaemon(true);
              return t;
            });
    running = true;
    loop = new Thread(this::run, "chorus-publisher");
    loop.setDaemon(true);
    loop.start();
  }

  /** Look for due deliveries now (something was scheduled or released). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void holdMissed() {
    Instant now = clock.instant();
    List<Delivery> held =
        db.inTransaction(
            h -> {
              List<Delivery> list =
                  deliveries.holdMissed(h, now.minus(settings.missedAfter()), now, "held:" + node);
              for (Delivery d : list) {
                String why =
                    "Held: it fell due at "
                        + d.dueAt()
                        + " while Chorus was not running; send or reschedule it.";
                deliveries.notice(h, ids.get(), d, "held", why, now);
                audit.record(
                    h,
                    d.workspaceId(),
                    AuditLog.Who.system("scheduler"),
                    "post.delivery_held",
                    d.postId().value(),
                    "channel " + d.channelId().value());
              }
              return list;
            });
    if (!held.isEmpty()) LOG.info("held {} deliveries that fell due while stopped", held.size());
  }

  private void run() {
    while (running) {
      try {
        int want = free.availablePermits();
        if (want == 0) recordPublished();
        int got = want == 0 ? 0 : claimAndDispatch(want);
        if (got > 0 && got == want) continue; // more may be due right now
        sleepUntilNext(want == 0);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("claiming due deliveries failed: {}", e.getMessage());
        try {
          sleep(Duration.ofSeconds(1).toMillis());
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Writes what the workers published since the last call, in one transaction. */
  private void recordPublished() {
    List<SendDelivery.Published> batch = new java.util.ArrayList<>();
    for (SendDelivery.Published p; (p = published.poll()) != null; ) batch.add(p);
    if (batch.isEmpty()) return;
    try {
      db.inTransaction(
          h -> {
            for (SendDelivery.Published p : batch) {
              deliveries.published(h, p.delivery(), p.ref(), p.at());
            }
            return null;
          });
    } catch (RuntimeException e) {
      // Their leases run out and the next attempts' keys return the same posts.
      LOG.warn("recording {} published deliveries failed: {}", batch.size(), e.getMessage());
    }
  }

  private int claimAndDispatch(int want) throws InterruptedException {
    recordPublished();
    Instant now = clock.instant();
    String owner = node + ":" + claims.incrementAndGet();
    List<Delivery> claimed =
        db.inTransaction(h -> deliveries.claim(h, now, want, owner, now.plus(settings.lease())));
    for (Delivery d : claimed) {
      free.acquire();
      workers.execute(
          () -> {
            try {
              send.send(d, published::add);
            } finally {
              free.release();
              wake();
            }
          });
    }
    return claimed.size();
  }

  private void sleepUntilNext(boolean busy) throws InterruptedException {
    long wait = settings.recheck().toMillis();
    if (!busy) {
      Instant next = db.read(deliveries::nextClaimable).orElse(null);
      if (next != null) wait = Math.min(wait, next.toEpochMilli() - clock.millis());
    }
    if (wait > 0) sleep(wait);
  }

  private void sleep(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (signal) {
      while (!woken && running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
      woken = false;
    }
  }

  /**
   * Stops claiming and waits (up to 10 s) for the deliveries in flight; call before the store
   * closes. A delivery still in flight after that keeps its lease, which runs out.
   */
  @Override
  public synchronized void close() {
    if (loop == null) return;
    running = false;
    wake();
    try {
      loop.join(5000);
      workers.shutdown();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    recordPublished();
  }
}
