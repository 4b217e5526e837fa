package dev.chorus.bench.language;

import dev.chorus.listen.language.LanguageGuess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures language identification libraries on the same short posts in one JVM: accuracy on whole
 * posts and on their first three words, single-thread throughput, load time and the heap retained
 * once loaded. Run with {@code scripts/bench language [candidate-name...]}.
 */
public final class LanguageBench {

  record Post(String language, String text) {}

  record Row(
      String name,
      double loadMillis,
      double retainedMb,
      double accuracy,
      double shortAccuracy,
      double undetermined,
      double postsPerSecond,
      Map<String, Integer> wrongByLanguage) {}

  private LanguageBench() {}

  public static void main(String[] args) throws Exception {
    List<Post> posts = posts();
    List<Post> shortPosts = posts.stream().map(p -> new Post(p.language(), firstWords(p))).toList();
    System.out.printf(
        Locale.ROOT,
        "language: %d posts in %d languages; short variant = first 3 words (8 chars for CJK)%n",
        posts.size(),
        posts.stream().map(Post::language).distinct().count());
    List<Row> rows = new ArrayList<>();
    for (Candidates.Named named : Candidates.all()) {
      if (args.length > 0 && !List.of(args).contains(named.name())) {
        continue;
      }
      rows.add(measure(named, posts, shortPosts));
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "| %-20s | %8s | %8s | %6s | %6s | %6s | %10s | %s |%n",
        "library",
        "load ms",
        "heap MB",
        "acc",
        "acc-3w",
        "und",
        "posts/s",
        "errors by language (whole posts)");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "| %-20s | %8.0f | %8.0f | %6.3f | %6.3f | %6.3f | %10.0f | %s |%n",
          r.name(),
          r.loadMillis(),
          r.retainedMb(),
          r.accuracy(),
          r.shortAccuracy(),
          r.undetermined(),
          r.postsPerSecond(),
          r.wrongByLanguage());
    }
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "language: library=%s accuracy=%.3f accuracy-3-words=%.3f posts/s=%.0f heap-mb=%.0f%n",
          r.name(),
          r.accuracy(),
          r.shortAccuracy(),
          r.postsPerSecond(),
          r.retainedMb());
    }
  }

  private static Row measure(Candidates.Named named, List<Post> posts, List<Post> shortPosts) {
    double before = usedMb();
    long start = System.nanoTime();
    try (Candidates.Candidate candidate = named.factory().get()) {
      double loadMillis = (System.nanoTime() - start) / 1e6;
      Map<String, Integer> wrong = new TreeMap<>();
      int correct = 0;
      int undetermined = 0;
      for (Post post : posts) {
        LanguageGuess guess = candidate.identify(post.text());
        if (guess.language().equals(post.language())) {
          correct++;
        } else {
          wrong.merge(post.language() + "->" + guess.language(), 1, Integer::sum);
        }
        if (!guess.isDetermined()) {
          undetermined++;
        }
      }
      int shortCorrect = 0;
      for (Post post : shortPosts) {
        if (candidate.identify(post.text()).language().equals(post.language())) {
          shortCorrect++;
        }
      }
      double rate = throughput(candidate, posts);
      double retained = usedMb() - before;
      System.out.printf(Locale.ROOT, "  measured %s: %.0f posts/s%n", named.name(), rate);
      return new Row(
          named.name(),
          loadMillis,
          retained,
          correct / (double) posts.size(),
          shortCorrect / (double) shortPosts.size(),
          undetermined / (double) posts.size(),
          rate,
          wrong);
    }
  }

  // Half a second of warm-up, then whole passes over the posts for at least two seconds.
  private static double throughput(Candidates.Candidate candidate, List<Post> posts) {
    long sink = 0;
    long warmUntil = System.nanoTime() + 500_000_000L;
    while (System.nanoTime() < warmUntil) {
      for (Post post : posts) {
        sink += candidate.identify(post.text()).language().hashCode();
      }
    }
    long count = 0;
    long start = System.nanoTime();
    long end = start + 2_000_000_000L;
    long now;
    do {
      for (Post post : posts) {
        sink += candidate.identify(post.text()).language().hashCode();
      }
      count += posts.size();
      now = System.nanoTime();
    } while (now < end);
    if (sink == 42) {
      System.out.println();
    }
    return count / ((now - start) / 1e9);
  }

  private static double usedMb() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
  }

  static String firstWords(Post post) {
    String text = post.text();
    if (!text.contains(" ") || post.language().matches("ja|zh")) {
      return text.substring(0, Math.min(8, text.length()));
    }
    String[] words = text.split(" ");
    return String.join(" ", List.of(words).subList(0, Math.min(3, words.length)));
  }

  static List<Post> posts() throws IOException {
    try (InputStream in = LanguageBench.class.getResourceAsStream("posts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("posts.tsv missing from the bench classpath");
      }
      List<Post> posts = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", 2);
        posts.add(new Post(fields[0], fields[1]));
      }
      return posts;
    }
  }
}
