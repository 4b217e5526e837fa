package dev.chorus.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorTest {
  private final Detector detector = new Detector();
  private final AlertRule rule = AlertRule.defaults(); // 15 min against 24 h: 96 windows

  private static long[] steady(int windows, long perWindow) {
    long[] b = new long[windows];
    Arrays.fill(b, perWindow);
    return b;
  }

  @Test
  void aSteadyStreamNeverAlerts() {
    long[] baseline = steady(96, 10);
    for (long now = 5; now <= 15; now++) {
      Series s = new Series(now, now / 10, baseline, 96);
      assertThat(detector.volume(s, rule).firing()).as("count %d", now).isFalse();
      assertThat(detector.negative(s, rule).firing()).as("count %d", now).isFalse();
    }
  }

  @Test
  void aNoisySteadyStreamDoesNotAlertAtItsOwnPeaks() {
    Random r = new Random(7);
    long[] baseline = new long[96];
    for (int i = 0; i < 96; i++) baseline[i] = 8 + r.nextInt(5); // 8..12
    long max = Arrays.stream(baseline).max().orElseThrow();
    Series s = new Series(max + 2, 2, baseline, 96);
    assertThat(detector.volume(s, rule).firing()).isFalse();
  }

  @Test
  void oneItemAfterAnEmptyBaselineIsNoAlert() {
    Series s = new Series(1, 1, steady(96, 0), 0);
    assertThat(detector.volume(s, rule).firing()).isFalse();
    assertThat(detector.negative(s, rule).firing()).isFalse();
    // Even with the lowest minimum, one item is one spread above an empty baseline, not three.
    AlertRule eager =
        new AlertRule(
            true, true, rule.window(), rule.baseline(), Sensitivity.MEDIUM, 1, rule.coolDown());
    assertThat(detector.volume(s, eager).firing()).isFalse();
  }

  @Test
  void aFiveFoldSpikeFires() {
    Finding f = detector.volume(new Series(50, 5, steady(96, 10), 96), rule);
    assertThat(f.firing()).isTrue();
    assertThat(f.mean()).isEqualTo(10.0);
    assertThat(f.spread()).isEqualTo(Math.sqrt(10)); // a steady baseline falls back to Poisson
    assertThat(f.score()).isGreaterThan(12);
  }

  @Test
  void aSpikeBelowTheMinimumCountDoesNotFire() {
    // From 1 to 8 is eight-fold, but fewer than the 10 items the rule asks for.
    assertThat(detector.volume(new Series(8, 0, steady(96, 1), 0), rule).firing()).isFalse();
  }

  @Test
  void aLargeStreamNeedsARealMultipleNotJustAHighScore() {
    // 1,200 against a steady 1,000 is six deviations, but only 1.2 times the usual.
    Finding f = detector.volume(new Series(1200, 100, steady(96, 1000), 9600), rule);
    assertThat(f.score()).isGreaterThan(3);
    assertThat(f.firing()).isFalse();
  }

  @Test
  void aNegativeSurgeFires() {
    // Usually 10% negative; now 12 of 20 items are negative.
    Finding f = detector.negative(new Series(20, 12, steady(96, 20), 192), rule);
    assertThat(f.firing()).isTrue();
    assertThat(f.share()).isEqualTo(0.6);
    assertThat(f.baselineShare()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theUsualShareOfNegativeItemsIsNoSurge() {
    assertThat(detector.negative(new Series(20, 3, steady(96, 20), 192), rule).firing()).isFalse();
  }

  @Test
  void aQueryYoungerThanFourHoursIsStillLearning() {
    // Three hours of history (12 windows): not enough to know what normal is.
    assertThat(detector.volume(new Series(100, 0, steady(12, 1), 0), rule).firing()).isFalse();
    assertThat(detector.volume(new Series(100, 0, steady(16, 1), 0), rule).firing()).isTrue();
  }

  @Test
  void lowerSensitivityNeedsMore() {
    AlertRule low =
        new AlertRule(
            true, true, rule.window(), rule.baseline(), Sensitivity.LOW, 10, rule.coolDown());
    Series twoAndAHalfFold = new Series(25, 0, steady(96, 10), 0);
    assertThat(detector.volume(twoAndAHalfFold, rule).firing()).isTrue();
    assertThat(detector.volume(twoAndAHalfFold, low).firing()).isFalse();
  }
}
