package dev.chorus.bench.matcher;

import dev.chorus.listen.match.MatchResult;
import dev.chorus.listen.match.Post;
import dev.chorus.listen.match.QueryMatcher;
import dev.chorus.listen.query.Query;
import dev.chorus.listen.query.QueryLimits;
import dev.chorus.listen.query.QueryParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;

/**
 * Chorus's matcher against Lucene Monitor 9.11.1, one thread each, same posts, same queries.
 *
 * <p>Usage: {@code scripts/bench matcher [--sets=1000,10000,100000,common-words] [--seconds=3]
 * [--lucene-seconds=20] [--lucene-batch=256] [--generated=10000] [--data=DIR]}. The tweets come
 * from {@code --data}, {@code CHORUS_VADER_DIR}, or {@code shared/data/vader} beside the
 * repository. Prints a table, then one line per query set: {@code matcher: queries=N chorus=N/s
 * lucene-monitor=M/s ratio=R agree=P%}.
 */
public final class MatcherBench {

  private record Options(
      List<String> sets,
      double seconds,
      double luceneSeconds,
      int luceneBatch,
      int generated,
      Path data) {}

  private record Row(
      String set,
      int queries,
      double compileSeconds,
      double heapMb,
      double bytesPerQuery,
      double chorusRate,
      double evaluatedPerPost,
      double luceneRegisterSeconds,
      double luceneRate,
      int compared,
      int agreeing) {

    double ratio() {
      return chorusRate / luceneRate;
    }

    double agreePercent() {
      return 100.0 * agreeing / compared;
    }
  }

  private MatcherBench() {}

  public static void main(String[] args) throws Exception {
    Options options = options(args);
    List<Post> tweets = BenchPosts.tweets(options.data());
    List<String> brands = QuerySets.brands();
    List<Post> posts = new ArrayList<>(tweets);
    posts.addAll(BenchPosts.generated(brands, options.generated(), 11));
    System.out.printf(
        Locale.ROOT,
        "posts: %d (%d tweets from %s, %d generated)%n",
        posts.size(),
        tweets.size(),
        options.data(),
        options.generated());
    List<Row> rows = new ArrayList<>();
    for (String set : options.sets()) {
      List<String> texts =
          set.equals("common-words")
              ? QuerySets.commonWords(tweets, 1000, 5)
              : QuerySets.realistic(brands, Integer.parseInt(set), 3);
      rows.add(run(set, texts, posts, options));
    }
    System.out.println();
    System.out.println(
        "| set | queries | compile s | heap MB | bytes/query | chorus posts/s | evaluated/post | lucene register s | lucene posts/s | compared | agree | ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f | %.1f | %.0f | %.0f | %.1f | %.1f | %.0f | %d | %.2f%% | %.1f |%n",
          r.set(),
          r.queries(),
          r.compileSeconds(),
          r.heapMb(),
          r.bytesPerQuery(),
          r.chorusRate(),
          r.evaluatedPerPost(),
          r.luceneRegisterSeconds(),
          r.luceneRate(),
          r.compared(),
          r.agreePercent(),
          r.ratio());
    }
    System.out.println();
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "matcher: queries=%s chorus=%.0f/s lucene-monitor=%.0f/s ratio=%.1f agree=%.2f%%%n",
          r.set(),
          r.chorusRate(),
          r.luceneRate(),
          r.ratio(),
          r.agreePercent());
    }
  }

  private static Row run(String set, List<String> texts, List<Post> posts, Options options)
      throws Exception {
    System.out.printf(Locale.ROOT, "%n== %s: %d queries%n", set, texts.size());
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    QueryParser parser = new QueryParser(QueryLimits.DEFAULT);
    QueryMatcher matcher = new QueryMatcher();
    Map<String, Query> queries = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      Query query = parser.parse(texts.get(i));
      queries.put("q" + i, query);
      matcher.add("q" + i, query);
    }
    double compileSeconds = (System.nanoTime() - t0) / 1e9;
    long heapAfter = usedHeap();
    double heapMb = (heapAfter - heapBefore) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "chorus: parsed and compiled in %.2f s, heap %.1f MB%n",
        compileSeconds,
        heapMb);

    List<List<String>> chorusResults = new ArrayList<>(posts.size());
    long evaluated = 0;
    long matches = 0;
    for (Post post : posts) {
      MatchResult result = matcher.match(post);
      if (!result.failures().isEmpty()) {
        throw new IllegalStateException("query failures: " + result.failures());
      }
      chorusResults.add(result.matches());
      evaluated += result.evaluated();
      matches += result.matches().size();
    }
    System.out.printf(Locale.ROOT, "chorus: %d matches over %d posts%n", matches, posts.size());
    timeChorus(matcher, posts, 1.0);
    double chorusRate = timeChorus(matcher, posts, options.seconds());
    System.out.printf(Locale.ROOT, "chorus: %.0f posts/s%n", chorusRate);

    long r0 = System.nanoTime();
    Monitor monitor = new Monitor(new StandardAnalyzer());
    List<MonitorQuery> monitorQueries = new ArrayList<>();
    queries.forEach(
        (id, query) -> monitorQueries.add(new MonitorQuery(id, LuceneQueries.of(query.root()))));
    monitor.register(monitorQueries);
    double registerSeconds = (System.nanoTime() - r0) / 1e9;
    System.out.printf(Locale.ROOT, "lucene-monitor: registered in %.1f s%n", registerSeconds);
    try (monitor) {
      int warm = Math.min(posts.size(), 300);
      for (int i = 0; i < warm; i++) {
        monitor.match(LuceneDocuments.of(posts.get(i)), QueryMatch.SIMPLE_MATCHER);
      }
      int compared = 0;
      int agreeing = 0;
      int reported = 0;
      long start = System.nanoTime();
      long deadline = start + (long) (options.luceneSeconds() * 1e9);
      int batch = options.luceneBatch();
      for (int from = 0; from < posts.size() && System.nanoTime() < deadline; from += batch) {
        int to = Math.min(posts.size(), from + batch);
        List<List<String>> found = luceneMatches(monitor, posts.subList(from, to));
        for (int i = from; i < to; i++) {
          List<String> lucene = found.get(i - from);
          compared++;
          if (lucene.equals(chorusResults.get(i))) {
            agreeing++;
          } else if (reported++ < 5) {
            System.out.printf(
                Locale.ROOT,
                "DIFF post %d %s%n  chorus=%s%n  lucene=%s%n",
                i,
                posts.get(i),
                chorusResults.get(i),
                lucene);
            for (String id : symmetricDifference(lucene, chorusResults.get(i))) {
              System.out.printf("  %s: %s%n", id, queries.get(id).text());
            }
          }
        }
      }
      double luceneRate = compared / ((System.nanoTime() - start) / 1e9);
      System.out.printf(
          Locale.ROOT,
          "lucene-monitor: %.0f posts/s over %d posts; %d agree%n",
          luceneRate,
          compared,
          agreeing);
      return new Row(
          set,
          texts.size(),
          compileSeconds,
          heapMb,
          heapMb * 1e6 / texts.size(),
          chorusRate,
          (double) evaluated / posts.size(),
          registerSeconds,
          luceneRate,
          compared,
          agreeing);
    }
  }

  // One document per call, or a batch through Monitor's multi-document path.
  private static List<List<String>> luceneMatches(Monitor monitor, List<Post> posts)
      throws java.io.IOException {
    List<List<String>> out = new ArrayList<>(posts.size());
    if (posts.size() == 1) {
      MatchingQueries<QueryMatch> found =
          monitor.match(LuceneDocuments.of(posts.get(0)), QueryMatch.SIMPLE_MATCHER);
      out.add(ids(found.getMatches()));
      return out;
    }
    Document[] docs = posts.stream().map(LuceneDocuments::of).toArray(Document[]::new);
    MultiMatchingQueries<QueryMatch> found = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
    for (int i = 0; i < docs.length; i++) {
      out.add(ids(found.getMatches(i)));
    }
    return out;
  }

  private static List<String> ids(java.util.Collection<QueryMatch> matches) {
    List<String> ids = new ArrayList<>();
    for (QueryMatch match : matches) {
      ids.add(match.getQueryId());
    }
    ids.sort(null);
    return ids;
  }

  private static double timeChorus(QueryMatcher matcher, List<Post> posts, double seconds) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long count = 0;
    long sink = 0;
    while (System.nanoTime() < deadline) {
      for (Post post : posts) {
        sink += matcher.match(post).matches().size();
      }
      count += posts.size();
    }
    if (sink < 0) {
      System.out.println(sink);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static List<String> symmetricDifference(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    a.stream().filter(x -> !b.contains(x)).forEach(out::add);
    b.stream().filter(x -> !a.contains(x)).forEach(out::add);
    return out;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static Options options(String[] args) {
    List<String> sets = List.of("1000", "10000", "100000", "common-words");
    double seconds = 3;
    double luceneSeconds = 20;
    int luceneBatch = 256;
    int generated = 10_000;
    String data = null;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      String value = kv.length == 2 ? kv[1] : "";
      switch (kv[0]) {
        case "--sets" -> sets = List.of(value.split(","));
        case "--seconds" -> seconds = Double.parseDouble(value);
        case "--lucene-seconds" -> luceneSeconds = Double.parseDouble(value);
        case "--lucene-batch" -> luceneBatch = Integer.parseInt(value);
        case "--generated" -> generated = Integer.parseInt(value);
        case "--data" -> data = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + arg
                    + "; options: --sets=1000,10000,100000,common-words --seconds=S --lucene-seconds=S --lucene-batch=N --generated=N --data=DIR");
      }
    }
    for (String set : sets) {
      if (!set.equals("common-words") && !set.matches("[1-9][0-9]*")) {
        throw new IllegalArgumentException("--sets takes query counts or common-words, not " + set);
      }
    }
    return new Options(sets, seconds, luceneSeconds, luceneBatch, generated, dataDir(data));
  }

  private static Path dataDir(String given) {
    String configured = given != null ? given : System.getenv("CHORUS_VADER_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("shared/data/vader"))) {
        return d.resolve("shared/data/vader");
      }
    }
    return Path.of("../shared/data/vader");
  }
}
