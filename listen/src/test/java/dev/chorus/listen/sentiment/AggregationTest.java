package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregationTest {

  @Test
  void butRescalesTheFirstEqualValueAsVaderSentimentDoes() {
    // 3.8 halves to 1.9; the next 1.9 then finds index 0 first and halves it again, leaving the
    // original 1.9 at index 1 untouched.
    double[] s = {3.8, 1.9, 0, -2.5};
    Aggregation.butContrastByScan(s, 2);
    assertThat(s).containsExactly(0.95, 1.9, 0, -3.75);
  }

  @Test
  void theIndexedButRuleAgreesWithTheScanOnRandomValences() {
    Random random = new Random(42);
    double[] palette = {0, 0, 0, 1.9, -2.5, 3.8, 0.95, -1.25, 2.85, 1.425, -3.75};
    for (int trial = 0; trial < 5_000; trial++) {
      double[] s = new double[1 + random.nextInt(200)];
      for (int i = 0; i < s.length; i++) {
        s[i] = palette[random.nextInt(palette.length)];
      }
      int but = random.nextInt(s.length);
      double[] scanned = s.clone();
      double[] indexed = s.clone();
      Aggregation.butContrastByScan(scanned, but);
      Aggregation.butContrastByIndex(indexed, but);
      assertThat(indexed).as("trial %d: %s", trial, Arrays.toString(s)).containsExactly(scanned);
    }
  }

  @Test
  void roundingIsHalfEvenOnTheExactBinaryValueLikePython() {
    assertThat(Aggregation.round(0.12345, 4)).isEqualTo(0.1235); // 0.12345 is above the tie
    assertThat(Aggregation.round(2.675, 2)).isEqualTo(2.67); // 2.675 is below the tie
    assertThat(Aggregation.round(0.125, 2)).isEqualTo(0.12); // exact tie goes to even
    assertThat(Aggregation.round(0.375, 2)).isEqualTo(0.38);
    assertThat(Aggregation.round(-0.44043, 4)).isEqualTo(-0.4404);
  }

  @Test
  void punctuationEmphasisCountsExclamationsToFourAndQuestionsFromTwo() {
    assertThat(Aggregation.punctuationEmphasis("a!")).isEqualTo(0.292);
    assertThat(Aggregation.punctuationEmphasis("a!!!!!!")).isEqualTo(4 * 0.292);
    assertThat(Aggregation.punctuationEmphasis("a?")).isEqualTo(0.0);
    assertThat(Aggregation.punctuationEmphasis("a???")).isEqualTo(3 * 0.18);
    assertThat(Aggregation.punctuationEmphasis("a????")).isEqualTo(0.96);
  }

  @Test
  void normalisationStaysWithinMinusOneAndOne() {
    assertThat(Aggregation.normalize(0)).isEqualTo(0.0);
    assertThat(Aggregation.normalize(1e308)).isBetween(-1.0, 1.0);
    assertThat(Aggregation.normalize(-1e6)).isBetween(-1.0, -0.99);
  }
}
