package dev.chorus.listen.modes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.listen.sentiment.SentimentScorer;
import dev.chorus.listen.sentiment.VaderLexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier against hand-labelled posts in seven languages ({@code labelled-modes.tsv},
 * written for this test; the definitions are in docs/MODES.md). It prints per-class precision and
 * recall, the question detector's accuracy and every miss, and holds the scores at what was
 * measured when the rules were written. The set was written by the author of the rules, so it shows
 * that the rules do what docs/MODES.md says on realistic posts; it is not an independent accuracy
 * estimate.
 */
class LabelledModesTest {
  record Example(
      Mode mode,
      boolean question,
      ItemKind kind,
      boolean addressesUs,
      Author author,
      String language,
      String text) {}

  record Scores(Map<Mode, double[]> perClass, double macroF1, double accuracy, double questions) {}

  static List<Example> examples;
  static Scores scores;
  static Scores secondRound;
  static Scores thirdRound;

  @BeforeAll
  static void classifyAll() throws IOException {
    examples = load("modes-first-round.tsv");
    scores = evaluate("modes-first-round.tsv", examples);
    secondRound = evaluate("modes-second-round.tsv", load("modes-second-round.tsv"));
    thirdRound = evaluate("modes-third-round.tsv", load("modes-third-round.tsv"));
  }

  static Scores evaluate(String name, List<Example> examples) {
    SentimentScorer sentiment = new SentimentScorer(VaderLexicon.bundled());
    ModeClassifier modes = new ModeClassifier();
    Map<Mode, int[]> counts = new EnumMap<>(Mode.class); // true positives, predicted, actual
    for (Mode m : Mode.values()) counts.put(m, new int[3]);
    int right = 0;
    int questionsRight = 0;
    Map<String, int[]> byLanguage = new TreeMap<>();
    StringBuilder misses = new StringBuilder();
    for (Example e : examples) {
      ModeVerdict v =
          modes.classify(
              new ModeInput(
                  e.text(),
                  e.kind(),
                  e.addressesUs(),
                  e.author(),
                  sentiment.score(e.text()).compound()));
      counts.get(v.mode())[1]++;
      counts.get(e.mode())[2]++;
      int[] lang = byLanguage.computeIfAbsent(e.language(), l -> new int[2]);
      lang[1]++;
      if (v.mode() == e.mode()) {
        counts.get(e.mode())[0]++;
        right++;
        lang[0]++;
      } else {
        misses.append(
            String.format(
                Locale.ROOT,
                "  expected %-12s got %-12s by %-14s %s: %s%n",
                e.mode().key(),
                v.mode().key(),
                v.rule(),
                e.language(),
                e.text()));
      }
      if (v.question() == e.question()) questionsRight++;
      else misses.append("  question should be " + e.question() + ": " + e.text() + "\n");
    }
    Map<Mode, double[]> perClass = new EnumMap<>(Mode.class);
    double f1Sum = 0;
    StringBuilder report =
        new StringBuilder("mode classifier on " + name + ", " + examples.size() + " posts\n");
    for (Mode m : Mode.values()) {
      int[] c = counts.get(m);
      double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
      double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      perClass.put(m, new double[] {p, r, f1});
      f1Sum += f1;
      report.append(
          String.format(
              Locale.ROOT,
              "  %-12s precision %.3f  recall %.3f  f1 %.3f  (%d labelled)%n",
              m.key(),
              p,
              r,
              f1,
              c[2]));
    }
    double accuracy = (double) right / examples.size();
    double questions = (double) questionsRight / examples.size();
    Scores scores = new Scores(perClass, f1Sum / Mode.values().length, accuracy, questions);
    report.append(
        String.format(
            Locale.ROOT,
            "  macro-F1 %.3f  accuracy %.3f  is-question accuracy %.3f%n",
            scores.macroF1(),
            accuracy,
            questions));
    byLanguage.forEach(
        (l, c) ->
            report.append(String.format(Locale.ROOT, "  %s: %d of %d right%n", l, c[0], c[1])));
    System.out.print(report);
    System.out.print(misses.length() == 0 ? "  no misses\n" : "misses:\n" + misses);
    return scores;
  }

  static List<Example> load(String name) throws IOException {
    List<Example> out = new ArrayList<>();
    try (var in = LabelledModesTest.class.getResourceAsStream(name);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) continue;
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 7) throw new IllegalStateException("not 7 columns: " + line);
        out.add(
            new Example(
                Mode.valueOf(f[0].toUpperCase(Locale.ROOT)),
                yes(f[1]),
                ItemKind.parse(f[2]),
                yes(f[3]),
                Author.valueOf(f[4].toUpperCase(Locale.ROOT)),
                f[5],
                f[6]));
      }
    }
    return out;
  }

  private static boolean yes(String s) {
    if (s.equals("yes")) return true;
    if (s.equals("no")) return false;
    throw new IllegalStateException("not yes or no: " + s);
  }

  @Test
  void theSetHasAtLeast150PostsInEveryLanguageAndMode() {
    assertThat(examples).hasSizeGreaterThanOrEqualTo(150);
    assertThat(examples.stream().map(Example::language).distinct())
        .containsExactlyInAnyOrder("en", "fr", "de", "es", "pt", "it", "nl");
    for (Mode m : Mode.values()) {
      assertThat(examples.stream().filter(e -> e.mode() == m).count()).as(m.key()).isPositive();
    }
  }

  @Test
  void macroF1AndAccuracyHoldAtWhatWasMeasured() {
    // Measured with the rules as committed: 0.995 / 0.995, 0.978 / 0.974 and 0.981 / 0.982. On
    // text the rules had not seen, the first scores were 0.732 and 0.819 (see docs/MODES.md).
    for (Scores s : List.of(scores, secondRound, thirdRound)) {
      assertThat(s.macroF1()).isGreaterThanOrEqualTo(0.95);
      assertThat(s.accuracy()).isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void everyClassKeepsItsPrecisionAndRecall() {
    for (Scores s : List.of(scores, secondRound, thirdRound)) {
      for (Mode m : Mode.values()) {
        double[] prf = s.perClass().get(m);
        assertThat(prf[0]).as(m.key() + " precision").isGreaterThanOrEqualTo(0.9);
        assertThat(prf[1]).as(m.key() + " recall").isGreaterThanOrEqualTo(0.9);
      }
    }
  }

  @Test
  void questionsAreFoundInEveryLanguage() {
    for (Scores s : List.of(scores, secondRound, thirdRound)) {
      assertThat(s.questions()).isGreaterThanOrEqualTo(0.98);
    }
  }
}
