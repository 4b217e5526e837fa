package dev.chorus.bench.sentiment;

import dev.chorus.listen.sentiment.Polarity;
import dev.chorus.listen.sentiment.SentimentScore;
import dev.chorus.listen.sentiment.SentimentScorer;
import dev.chorus.listen.sentiment.VaderLexicon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chorus's sentiment scorer beside vaderSentiment (its recorded output, since the Python side
 * cannot run in this JVM): agreement of compound scores, 3-class F1 of both against the human
 * ratings, and single-thread throughput on the tweets plus generated posts. Ends with one line:
 * {@code sentiment: chorus=N/s reference-agree=P% f1-tweets=F f1-nyt=G}.
 *
 * <p>Usage: {@code scripts/bench sentiment [--seconds=S]} (S: measuring time per corpus, default 5;
 * about 3 × (S + 2) seconds in all).
 */
public final class SentimentBench {

  private static final double TOLERANCE = 0.001;
  private static final String[] DATASETS = {"tweets", "nytEditorialSnippets"};

  private SentimentBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = 5;
    for (String arg : args) {
      if (arg.startsWith("--seconds=")) {
        seconds = Double.parseDouble(arg.substring("--seconds=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; usage: [--seconds=S]");
      }
    }
    Path dir = VaderFiles.directory();
    long loadStart = System.nanoTime();
    SentimentScorer scorer = new SentimentScorer(VaderLexicon.bundled());
    double loadMillis = (System.nanoTime() - loadStart) / 1e6;
    System.out.printf(
        Locale.ROOT, "sentiment: data %s; lexicon loaded in %.0f ms%n", dir, loadMillis);

    int agreed = 0;
    int compared = 0;
    double[] f1 = new double[DATASETS.length];
    List<String> tweets = new ArrayList<>();
    System.out.println();
    System.out.println(
        "| dataset | texts | agree ±0.001 | exact | chorus acc | chorus F1 (weighted) | chorus F1"
            + " (macro) | vader acc | vader F1 (weighted) | vader F1 (macro) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int d = 0; d < DATASETS.length; d++) {
      List<VaderFiles.Item> items = VaderFiles.load(dir, DATASETS[d]);
      ThreeClass chorus = new ThreeClass();
      ThreeClass vader = new ThreeClass();
      int datasetAgreed = 0;
      int exact = 0;
      for (VaderFiles.Item item : items) {
        SentimentScore score = scorer.score(item.text());
        double difference = Math.abs(score.compound() - item.referenceCompound());
        if (difference <= TOLERANCE) {
          datasetAgreed++;
        }
        if (difference == 0) {
          exact++;
        }
        Polarity gold = ThreeClass.gold(item.gold());
        chorus.add(gold, score.polarity());
        vader.add(gold, Polarity.ofCompound(item.referenceCompound()));
        if (d == 0) {
          tweets.add(item.text());
        }
      }
      agreed += datasetAgreed;
      compared += items.size();
      f1[d] = chorus.weightedF1();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f%% | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
          DATASETS[d],
          items.size(),
          100.0 * datasetAgreed / items.size(),
          exact,
          chorus.accuracy(),
          chorus.weightedF1(),
          chorus.macroF1(),
          vader.accuracy(),
          vader.weightedF1(),
          vader.macroF1());
    }
    System.out.println(
        "(gold: mean human rating / 4, then the same ±0.05 thresholds as the compound;"
            + " vader = vaderSentiment 3.3.x output recorded in the reference file)");

    List<String> generated = GeneratedPosts.generate(10_000, 20141);
    List<String> mixed = new ArrayList<>(tweets);
    mixed.addAll(generated);
    System.out.println();
    System.out.println("| corpus (one thread) | texts | mean chars | texts/s | M chars/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    measure(scorer, "tweets", tweets, seconds);
    measure(scorer, "generated posts", generated, seconds);
    double rate = measure(scorer, "tweets + generated", mixed, seconds);

    System.out.printf(
        Locale.ROOT,
        "sentiment: chorus=%.0f/s reference-agree=%.2f%% f1-tweets=%.3f f1-nyt=%.3f%n",
        rate,
        100.0 * agreed / compared,
        f1[0],
        f1[1]);
  }

  // Keeps the scores observable so the JIT cannot drop the work.
  private static volatile double sink;

  // Two seconds of warm-up, then whole passes over the corpus for the given time.
  private static double measure(
      SentimentScorer scorer, String name, List<String> texts, double seconds) {
    long chars = 0;
    for (String text : texts) {
      chars += text.length();
    }
    run(scorer, texts, 2.0);
    double rate = run(scorer, texts, seconds);
    double meanChars = chars / (double) texts.size();
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.1f |%n",
        name,
        texts.size(),
        meanChars,
        rate,
        rate * meanChars / 1e6);
    return rate;
  }

  private static double run(SentimentScorer scorer, List<String> texts, double seconds) {
    double checksum = 0;
    long count = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      for (String text : texts) {
        checksum += scorer.score(text).compound();
      }
      count += texts.size();
      now = System.nanoTime();
    } while (now < end);
    sink = checksum;
    return count / ((now - start) / 1e9);
  }
}
