package dev.chorus.bench.ingest;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.pipeline.Ingested;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end ingest into SQLite: four sources (one per channel) push batches of generated mentions
 * through the pipeline (normalise, dedupe, language, 1,000 saved queries, sentiment, mode, contact,
 * conversation, full-text index, cursor) as fast as it takes them. After a warm-up (the language
 * model loads, the JIT settles) it times {@code --mentions} more and samples the heap every 50 ms.
 *
 * <p>Run: {@code scripts/bench ingest [--mentions N] [--queries Q] [--batch B]}; the last line is
 * {@code ingest: queries=Q mentions=N rate=R/s heap-max=M MB}.
 */
public final class IngestBench {
  public static void main(String[] args) throws Exception {
    int mentions = 300_000;
    int queries = 1_000;
    int batch = 200;
    int warmup = 30_000;
    for (int k = 0; k + 1 < args.length; k += 2) {
      switch (args[k]) {
        case "--mentions" -> mentions = Integer.parseInt(args[k + 1]);
        case "--queries" -> queries = Integer.parseInt(args[k + 1]);
        case "--batch" -> batch = Integer.parseInt(args[k + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[k + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    Path folder = Files.createTempDirectory("chorus-ingest-bench");
    try (BenchWorkspace w = new BenchWorkspace(folder, queries)) {
      System.out.printf(
          Locale.ROOT,
          "ingest: %d queries saved, %d cores, heap limit %d MB%n",
          queries,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      long[] next = new long[w.channels.size()];
      run(w, warmup, batch, next);
      HeapSampler heap = new HeapSampler();
      heap.start();
      Map<String, Long> cpu0 = cpu();
      long process0 = processCpu();
      long t0 = System.nanoTime();
      Ingested total = run(w, mentions, batch, next);
      // Stored is not the end: the search index follows on its own thread, and the run ends when
      // it has caught up too (a writer outrunning it would only grow a backlog).
      long storedAt = System.nanoTime();
      int behind = w.core.searchIndex.catchUp();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "ingest: the search index took in the last %d items %.0f ms after the last was stored%n",
          behind,
          (System.nanoTime() - storedAt) / 1e6);
      heap.stop();
      // Where the CPU went: the one writer must stay under a core; the analysers, the search index
      // and the checkpoints share the rest.
      Map<String, Long> cpu1 = cpu();
      long process1 = processCpu();
      for (var e : cpu1.entrySet()) {
        if (!e.getKey().startsWith("chorus-")) continue;
        System.out.printf(
            Locale.ROOT,
            "ingest: cpu %s %.0f us/mention%n",
            e.getKey(),
            (e.getValue() - cpu0.getOrDefault(e.getKey(), 0L)) / 1e3 / mentions);
      }
      // Everything else (the bench's own sources, the collector, the JIT) shares the same cores.
      System.out.printf(
          Locale.ROOT,
          "ingest: cpu whole process %.0f us/mention (%.2f cores busy)%n",
          (process1 - process0) / 1e3 / mentions,
          (process1 - process0) / 1e9 / seconds);
      long stored =
          w.db.read(
              h -> h.createQuery("SELECT COUNT(*) FROM inbound_items").mapTo(Long.class).one());
      long conversations =
          w.db.read(
              h -> h.createQuery("SELECT COUNT(*) FROM conversations").mapTo(Long.class).one());
      long matched =
          w.db.read(
              h ->
                  h.createQuery("SELECT COUNT(DISTINCT item_id) FROM item_matches")
                      .mapTo(Long.class)
                      .one());
      long contacts =
          w.db.read(h -> h.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Long.class).one());
      System.out.printf(
          Locale.ROOT,
          "ingest: stored=%d (added %d, duplicates %d, quarantined %d) conversations=%d contacts=%d matched=%d seconds=%.1f db=%d MB%n",
          stored,
          total.added(),
          total.duplicates(),
          total.quarantined(),
          conversations,
          contacts,
          matched,
          seconds,
          Files.size(folder.resolve("bench.db")) >> 20);
      System.out.printf(
          Locale.ROOT,
          "ingest: queries=%d mentions=%d rate=%.0f/s heap-max=%d MB%n",
          queries,
          mentions,
          mentions / seconds,
          heap.max() >> 20);
    } finally {
      try (var files = Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Pushes {@code count} mentions, each source keeping up to four batches in flight. */
  private static Ingested run(BenchWorkspace w, int count, int batch, long[] next)
      throws Exception {
    List<Channel> channels = w.channels;
    AtomicLong remaining = new AtomicLong(count);
    long[] sums = new long[3];
    List<Thread> sources = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      int index = c;
      Thread t =
          new Thread(
              () -> {
                Deque<CompletableFuture<Ingested>> inFlight = new ArrayDeque<>();
                Channel channel = channels.get(index);
                while (true) {
                  long left = remaining.addAndGet(-batch);
                  int size = (int) Math.min(batch, left + batch);
                  if (size <= 0) break;
                  long n = next[index]++;
                  var items = w.batch(channel, n * channels.size() + index, batch).subList(0, size);
                  inFlight.add(w.core.pipeline.submit(new Heard(channel, "", items, "c" + n)));
                  if (inFlight.size() >= 4) add(sums, inFlight.poll().join());
                }
                while (!inFlight.isEmpty()) add(sums, inFlight.poll().join());
              },
              "source-" + c);
      t.start();
      sources.add(t);
    }
    for (Thread t : sources) t.join();
    return new Ingested((int) sums[0], (int) sums[1], (int) sums[2]);
  }

  /** CPU time so far per thread name, numbers folded ("analyse-1" and "analyse-2" together). */
  private static Map<String, Long> cpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byName = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long ns = threads.getThreadCpuTime(id);
      if (info == null || ns < 0) continue;
      byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), ns, Long::sum);
    }
    return byName;
  }

  private static synchronized void add(long[] sums, Ingested r) {
    sums[0] += r.added();
    sums[1] += r.duplicates();
    sums[2] += r.quarantined();
  }

  /** The most heap in use, sampled every 50 ms. */
  static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running = true;
    private volatile long max;
    private final Thread thread = new Thread(this::loop, "heap-sampler");

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running) {
        max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    long max() {
      return max;
    }
  }
}
