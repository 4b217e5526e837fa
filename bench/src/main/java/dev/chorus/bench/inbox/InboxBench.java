package dev.chorus.bench.inbox;

import dev.chorus.bench.ingest.BenchWorkspace;
import dev.chorus.bench.matcher.QuerySets;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.inbox.Conversation;
import dev.chorus.core.inbox.InboxFilter;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.pipeline.Ingested;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The inbox with a million stored mentions on SQLite. Loads them through the pipeline (so the
 * conversations, contacts, matches and search index are the product's own), triages a share of the
 * conversations (closed, pending, assigned, tagged), then times, one at a time as a user would: the
 * list (first and deeper pages, open and all), filters (each facet and combinations) and searches
 * (common and rare words, several words). Prints p50/p95/p99 per kind.
 *
 * <p>Run: {@code scripts/bench inbox [--mentions N] [--samples S]}; the last line is {@code inbox:
 * mentions=N list-p95=X ms filter-p95=Y ms search-p95=Z ms}.
 */
public final class InboxBench {
  public static void main(String[] args) throws Exception {
    int mentions = 1_000_000;
    int samples = 400;
    int queries = 1_000;
    for (int k = 0; k + 1 < args.length; k += 2) {
      switch (args[k]) {
        case "--mentions" -> mentions = Integer.parseInt(args[k + 1]);
        case "--samples" -> samples = Integer.parseInt(args[k + 1]);
        case "--queries" -> queries = Integer.parseInt(args[k + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[k]);
      }
    }
    Path folder = Files.createTempDirectory("chorus-inbox-bench");
    try (BenchWorkspace w = new BenchWorkspace(folder, queries)) {
      long t0 = System.nanoTime();
      load(w, mentions);
      w.core.searchIndex.catchUp();
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      triage(w);
      w.db.inTransaction(h -> h.execute("ANALYZE"));
      long conversations =
          w.db.read(
              h -> h.createQuery("SELECT COUNT(*) FROM conversations").mapTo(Long.class).one());
      System.out.printf(
          Locale.ROOT,
          "inbox: loaded %d mentions in %.0f s (%.0f/s) into %d conversations, db %d MB%n",
          mentions,
          loadSeconds,
          mentions / loadSeconds,
          conversations,
          Files.size(folder.resolve("bench.db")) >> 20);
      Random random = new Random(11);
      Map<String, double[]> results = new HashMap<>();
      results.put("list", time(samples, () -> listCase(w, random)));
      results.put("filter", time(samples, () -> filterCase(w, random)));
      for (var e : new java.util.TreeMap<>(SLOWEST).entrySet()) {
        System.out.printf(
            Locale.ROOT, "inbox: filter %s slowest=%.1f ms%n", e.getKey(), e.getValue());
      }
      results.put("search", time(samples, () -> searchCase(w, random)));
      for (String kind : List.of("list", "filter", "search")) {
        double[] t = results.get(kind);
        System.out.printf(
            Locale.ROOT,
            "inbox: %s p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms (%d samples)%n",
            kind,
            pct(t, 50),
            pct(t, 95),
            pct(t, 99),
            t[t.length - 1],
            t.length);
      }
      System.out.printf(
          Locale.ROOT,
          "inbox: mentions=%d list-p95=%.0f ms filter-p95=%.0f ms search-p95=%.0f ms%n",
          mentions,
          pct(results.get("list"), 95),
          pct(results.get("filter"), 95),
          pct(results.get("search"), 95));
    } finally {
      try (var files = Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void load(BenchWorkspace w, int count) throws Exception {
    int batch = 500;
    long n = 0;
    Deque<CompletableFuture<Ingested>> inFlight = new ArrayDeque<>();
    for (long done = 0; done < count; done += batch) {
      Channel c = w.channels.get((int) (n % w.channels.size()));
      int size = (int) Math.min(batch, count - done);
      inFlight.add(
          w.core.pipeline.submit(new Heard(c, "", w.batch(c, n, batch).subList(0, size), null)));
      n++;
      if (inFlight.size() >= 8) inFlight.poll().join();
      if (n % 200 == 0)
        System.out.printf(Locale.ROOT, "inbox: loading, %d of %d%n", done + size, count);
    }
    while (!inFlight.isEmpty()) inFlight.poll().join();
  }

  private static final String[] TAGS = {
    "refund", "bug", "shipping", "vip", "press", "feature-request"
  };
  private static final List<String> users = new ArrayList<>();

  /** 60% closed, 10% pending, 10% assigned to one of five people, 5% tagged. */
  private static void triage(BenchWorkspace w) {
    String ws = w.owner.workspace().id().value();
    for (int k = 0; k < 5; k++) {
      String id = "bench-user-" + k;
      users.add(id);
      w.db.inTransaction(
          h -> {
            h.createUpdate(
                    "INSERT INTO users (id, email, email_key, display_name, password_hash,"
                        + " created_at, password_changed_at) VALUES (:id, :e, :e, :id, 'x', 0, 0)")
                .bind("id", id)
                .bind("e", id + "@example.com")
                .execute();
            return h.createUpdate(
                    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES"
                        + " (:w, :u, 'editor', 0)")
                .bind("w", ws)
                .bind("u", id)
                .execute();
          });
    }
    w.db.inTransaction(
        h -> {
          h.execute(
              "UPDATE conversations SET status = CASE WHEN abs(random()) % 10 < 6 THEN 'closed'"
                  + " WHEN abs(random()) % 10 < 2 THEN 'pending' ELSE 'open' END");
          h.execute(
              "UPDATE conversations SET assignee_id = 'bench-user-' || (abs(random()) % 5) WHERE"
                  + " abs(random()) % 10 = 0");
          // A tag row copies its conversation's last_item_at (V18__filter_recency.sql).
          h.execute(
              "INSERT INTO conversation_tags (conversation_id, workspace_id, tag, last_item_at)"
                  + " SELECT id, workspace_id, CASE abs(random()) % 6 WHEN 0 THEN 'refund' WHEN 1"
                  + " THEN 'bug' WHEN 2 THEN 'shipping' WHEN 3 THEN 'vip' WHEN 4 THEN 'press' ELSE"
                  + " 'feature-request' END, last_item_at FROM conversations WHERE abs(random()) %"
                  + " 20 = 0");
          return null;
        });
  }

  private static Page<Conversation> list(
      BenchWorkspace w, Map<String, String> params, PageRequest page) {
    InboxFilter f = InboxFilter.parse(params, users.get(0));
    return w.db.read(h -> w.core.conversations.list(h, w.owner.workspace().id(), f, page));
  }

  /** The inbox as opened, and scrolled: open or all, first page or up to three pages on. */
  private static Runnable listCase(BenchWorkspace w, Random random) {
    Map<String, String> p = random.nextBoolean() ? Map.of() : Map.of("status", "all");
    int deeper = random.nextInt(4);
    return () -> {
      Page<Conversation> page = list(w, p, PageRequest.first(50));
      for (int k = 0; k < deeper && page.nextCursor() != null; k++) {
        page = list(w, p, PageRequest.parse(page.nextCursor(), "50"));
      }
    };
  }

  private static Runnable filterCase(BenchWorkspace w, Random random) {
    List<Map<String, String>> cases = new ArrayList<>();
    String channel = w.channels.get(random.nextInt(w.channels.size())).id().value();
    String query =
        w.db.read(
            h ->
                h.createQuery("SELECT id FROM saved_queries ORDER BY id LIMIT 1 OFFSET :n")
                    .bind("n", random.nextInt(1000))
                    .mapTo(String.class)
                    .findOne()
                    .orElse("none"));
    cases.add(Map.of("status", "closed"));
    cases.add(Map.of("status", "pending"));
    cases.add(Map.of("channel", channel));
    cases.add(Map.of("sentiment", "negative"));
    cases.add(Map.of("sentiment", "positive", "status", "all"));
    cases.add(Map.of("tag", TAGS[random.nextInt(TAGS.length)], "status", "all"));
    cases.add(Map.of("assignee", users.get(random.nextInt(users.size())), "status", "all"));
    cases.add(Map.of("assignee", "none"));
    cases.add(Map.of("language", random.nextBoolean() ? "de" : "fr", "status", "all"));
    cases.add(Map.of("question", "true"));
    cases.add(Map.of("mode", random.nextBoolean() ? "conversation" : "advocacy"));
    cases.add(Map.of("query", query, "status", "all"));
    cases.add(Map.of("from", "2026-01-01", "to", "2026-01-01", "status", "all"));
    cases.add(Map.of("channel", channel, "sentiment", "negative", "status", "open"));
    cases.add(Map.of("tag", "refund", "assignee", users.get(0), "status", "all"));
    cases.add(Map.of("query", query, "sentiment", "negative", "question", "true", "status", "all"));
    Map<String, String> p = cases.get(random.nextInt(cases.size()));
    String name = new java.util.TreeMap<>(p).keySet().toString();
    return () -> {
      long s = System.nanoTime();
      list(w, p, PageRequest.first(50));
      SLOWEST.merge(name, (System.nanoTime() - s) / 1e6, Math::max);
    };
  }

  /** The slowest time of each kind of filter, to show which facet needs an index. */
  private static final Map<String, Double> SLOWEST = new java.util.concurrent.ConcurrentHashMap<>();

  private static final List<String> BRANDS = QuerySets.brands();
  private static final String[] WORDS = {
    "refund", "broken", "battery", "love", "delivery", "crash", "price", "support"
  };

  private static Runnable searchCase(BenchWorkspace w, Random random) {
    String q;
    switch (random.nextInt(4)) {
      case 0 -> q = BRANDS.get((int) (200 * Math.pow(random.nextDouble(), 3))); // common brand
      case 1 -> q = BRANDS.get(random.nextInt(BRANDS.size())); // rare brand
      case 2 -> q = WORDS[random.nextInt(WORDS.length)]; // common word
      default -> q = BRANDS.get(random.nextInt(50)) + " " + WORDS[random.nextInt(WORDS.length)];
    }
    Map<String, String> p = random.nextBoolean() ? Map.of("q", q) : Map.of("q", q, "status", "all");
    return () -> list(w, p, PageRequest.first(50));
  }

  private static double[] time(int samples, Supplier<Runnable> next) {
    for (int k = 0; k < Math.max(20, samples / 10); k++) next.get().run();
    double[] t = new double[samples];
    for (int k = 0; k < samples; k++) {
      Runnable r = next.get();
      long s = System.nanoTime();
      r.run();
      t[k] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(t);
    return t;
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
