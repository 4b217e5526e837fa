package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Annotator;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.error.Unavailable;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline in this JVM. Submitted batches are prepared (normalise, dedupe, annotate) on a pool
 * of analysis threads, in parallel, and stored by one writer thread in submission order; the writer
 * commits several ready batches in one transaction (group commit), which is what makes SQLite fast.
 * At most {@code itemsInFlight} items are held at once: {@link #submit} waits for room.
 *
 * <p>A batch that fails to store is retried alone, then item by item: the item that fails is
 * quarantined with its error and the rest, and the cursor, are stored. When the store itself is
 * unavailable (locked, full, down) nothing of the batch is stored and its future fails, so the
 * source reads it again later.
 */
public final class InProcessPipeline implements Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessPipeline.class);

  /**
   * @param itemsInFlight items held in memory at most, across all batches
   * @param analysers threads for normalise, dedupe and annotation
   * @param itemsPerCommit the most items one transaction stores
   */
  public record Limits(int itemsInFlight, int analysers, int itemsPerCommit) {
    public Limits {
      if (itemsInFlight < 1 || analysers < 1 || itemsPerCommit < 1) {
        throw new IllegalArgumentException("pipeline limits must be positive");
      }
    }

    public static Limits standard() {
      return new Limits(20_000, Runtime.getRuntime().availableProcessors(), 2_000);
    }
  }

  private record Refused(InboundItem item, String reason) {}

  private record Prepared(List<Annotated> items, List<Refused> refused, int duplicates) {}

  private static final class Job {
    final Heard heard;
    final int permits;
    final CompletableFuture<Ingested> done = new CompletableFuture<>();
    CompletableFuture<Prepared> prepared;

    Job(Heard heard, int permits) {
      this.heard = heard;
      this.permits = permits;
    }

    int size() {
      return heard.items().size();
    }
  }

  private final Database db;
  private final Annotator annotator;
  private final ItemModes modes;
  private final StoreHeard store;
  private final CursorStore cursors;
  private final InboxEvents events;
  private final Clock clock;
  private final Limits limits;
  private final Normalise normalise = new Normalise();
  private final Dedupe dedupe = new Dedupe();
  private final Semaphore room;
  private final ExecutorService analysers;
  private final LinkedBlockingQueue<Job> order = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closing;

  public InProcessPipeline(
      Database db,
      Annotator annotator,
      ItemModes modes,
      StoreHeard store,
      CursorStore cursors,
      InboxEvents events,
      Clock clock,
      Limits limits) {
    this.db = db;
    this.annotator = annotator;
    this.modes = modes;
    this.store = store;
    this.cursors = cursors;
    this.events = events;
    this.clock = clock;
    this.limits = limits;
    this.room = new Semaphore(limits.itemsInFlight());
    AtomicInteger n = new AtomicInteger();
    this.analysers =
        Executors.newFixedThreadPool(
            limits.analysers(),
            r -> {
              Thread t = new Thread(r, "chorus-pipeline-analyse-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.writer = new Thread(this::writeLoop, "chorus-pipeline-store");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public synchronized CompletableFuture<Ingested> submit(Heard heard) {
    if (closing) throw new IllegalStateException("the pipeline is closed");
    int permits = Math.max(1, Math.min(heard.items().size(), limits.itemsInFlight()));
    room.acquireUninterruptibly(permits);
    Job job = new Job(heard, permits);
    job.prepared = CompletableFuture.supplyAsync(() -> prepare(heard), analysers);
    order.add(job);
    job.done.whenComplete((r, e) -> room.release(permits));
    return job.done;
  }

  /** Waits until every submitted batch is stored, then stops the threads. */
  @Override
  public void close() {
    synchronized (this) {
      closing = true;
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    analysers.shutdownNow();
  }

  private Prepared prepare(Heard heard) {
    Channel c = heard.channel();
    List<InboundItem> clean = new ArrayList<>(heard.items().size());
    List<Refused> refused = new ArrayList<>();
    for (InboundItem i : heard.items()) {
      Normalise.Outcome o = normalise.normalise(i);
      if (o.refused()) refused.add(new Refused(i, o.refusal()));
      else clean.add(o.item());
    }
    List<InboundItem> fresh = db.read(h -> dedupe.fresh(h, c, clean));
    List<Annotated> annotated = new ArrayList<>(fresh.size());
    try {
      annotate(c, fresh, annotated);
    } catch (RuntimeException e) {
      // One item broke the engine: annotate one by one so only that item is set aside.
      annotated.clear();
      for (InboundItem i : fresh) {
        try {
          annotate(c, List.of(i), annotated);
        } catch (RuntimeException one) {
          refused.add(new Refused(i, "analysis failed: " + describe(one)));
        }
      }
    }
    if (heard.onlyMatching()) annotated.removeIf(a -> a.queryIds().isEmpty());
    return new Prepared(annotated, refused, clean.size() - fresh.size());
  }

  private void annotate(Channel c, List<InboundItem> items, List<Annotated> out) {
    for (ChannelStore.NewItem n : annotator.annotate(c, items)) {
      ItemModes.Verdict v = modes.classify(c, n.item(), n.sentiment());
      out.add(
          new Annotated(
              n.item(), n.language(), n.sentiment(), n.queryIds(), v.mode(), v.question()));
    }
  }

  private void writeLoop() {
    while (true) {
      Job first;
      try {
        first = order.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        if (closing && order.isEmpty()) return;
        continue;
      }
      List<Job> group = new ArrayList<>();
      group.add(first);
      int items = first.size();
      first.prepared.join();
      // Group commit: take the batches already prepared behind this one, up to the limit.
      while (items < limits.itemsPerCommit()) {
        Job next = order.peek();
        if (next == null || !next.prepared.isDone()) break;
        if (items + next.size() > limits.itemsPerCommit()) break;
        order.poll();
        group.add(next);
        items += next.size();
      }
      try {
        write(group);
      } catch (RuntimeException e) {
        LOG.error("the pipeline's writer failed unexpectedly", e);
        for (Job j : group) j.done.completeExceptionally(e);
      }
    }
  }

  private void write(List<Job> group) {
    List<Job> ready = new ArrayList<>(group.size());
    for (Job j : group) {
      if (j.prepared.isCompletedExceptionally()) {
        j.prepared.whenComplete((p, e) -> j.done.completeExceptionally(unwrap(e)));
      } else {
        ready.add(j);
      }
    }
    if (ready.isEmpty()) return;
    Map<WorkspaceId, Set<String>> touched = new HashMap<>();
    try {
      Map<Job, Ingested> results =
          db.inTransaction(
              h -> {
                Map<Job, Ingested> out = new HashMap<>();
                for (Job j : ready) out.put(j, writeJob(h, j, touched));
                return out;
              });
      publish(touched);
      for (Job j : ready) j.done.complete(results.get(j));
    } catch (Unavailable e) {
      for (Job j : ready) j.done.completeExceptionally(e);
    } catch (RuntimeException e) {
      touched.clear();
      for (Job j : ready) writeAlone(j);
    }
  }

  /** A batch on its own; when it fails, item by item with the failing item quarantined. */
  private void writeAlone(Job j) {
    Map<WorkspaceId, Set<String>> touched = new HashMap<>();
    try {
      Ingested r = db.inTransaction(h -> writeJob(h, j, touched));
      publish(touched);
      j.done.complete(r);
      return;
    } catch (Unavailable e) {
      j.done.completeExceptionally(e);
      return;
    } catch (RuntimeException e) {
      touched.clear();
    }
    Heard heard = j.heard;
    Channel c = heard.channel();
    Prepared p = j.prepared.join();
    int added = 0;
    int quarantined = 0;
    try {
      for (Annotated a : p.items()) {
        Set<String> conversations = new LinkedHashSet<>();
        try {
          added +=
              db.inTransaction(h -> store.store(h, c, List.of(a), clock.instant(), conversations));
          touched
              .computeIfAbsent(c.workspaceId(), k -> new LinkedHashSet<>())
              .addAll(conversations);
        } catch (Unavailable e) {
          throw e;
        } catch (RuntimeException e) {
          LOG.warn(
              "quarantined item {} of channel {}: {}", a.item().ref().id(), c.id(), describe(e));
          db.inTransaction(
              h -> {
                store.quarantine(h, c, a.item(), "store failed: " + describe(e), clock.instant());
                return null;
              });
          quarantined++;
        }
      }
      db.inTransaction(
          h -> {
            for (Refused r : p.refused()) {
              store.quarantine(h, c, r.item(), r.reason(), clock.instant());
            }
            if (heard.cursor() != null) cursors.commit(h, c, heard.source(), heard.cursor());
            return null;
          });
      publish(touched);
      j.done.complete(
          new Ingested(
              added,
              p.duplicates() + p.items().size() - added - quarantined,
              quarantined + p.refused().size()));
    } catch (RuntimeException e) {
      publish(touched);
      j.done.completeExceptionally(e);
    }
  }

  private Ingested writeJob(
      org.jdbi.v3.core.Handle h, Job j, Map<WorkspaceId, Set<String>> touched) {
    Heard heard = j.heard;
    Channel c = heard.channel();
    Prepared p = j.prepared.join();
    Set<String> conversations =
        touched.computeIfAbsent(c.workspaceId(), k -> new LinkedHashSet<>());
    int added = store.store(h, c, p.items(), clock.instant(), conversations);
    for (Refused r : p.refused()) store.quarantine(h, c, r.item(), r.reason(), clock.instant());
    if (heard.cursor() != null) cursors.commit(h, c, heard.source(), heard.cursor());
    return new Ingested(added, p.duplicates() + p.items().size() - added, p.refused().size());
  }

  private void publish(Map<WorkspaceId, Set<String>> touched) {
    touched.forEach(events::changed);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause()
        : e;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
