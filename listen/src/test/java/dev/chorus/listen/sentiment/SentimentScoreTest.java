package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentimentScoreTest {

  @Test
  void polarityUsesThresholdsOfFiveHundredths() {
    assertThat(Polarity.ofCompound(0.05)).isEqualTo(Polarity.POSITIVE);
    assertThat(Polarity.ofCompound(0.0499)).isEqualTo(Polarity.NEUTRAL);
    assertThat(Polarity.ofCompound(-0.0499)).isEqualTo(Polarity.NEUTRAL);
    assertThat(Polarity.ofCompound(-0.05)).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void outOfRangeNumbersAreRejectedByName() {
    assertThatThrownBy(() -> new SentimentScore(0, 0, 0, 1.5))
        .hasMessage("compound must be in [-1.0, 1.0] but was 1.5");
    assertThatThrownBy(() -> new SentimentScore(-0.1, 0, 0, 0)).hasMessageStartingWith("negative");
    assertThatThrownBy(() -> new SentimentScore(0, Double.NaN, 0, 0))
        .hasMessageStartingWith("neutral");
    assertThatThrownBy(() -> Polarity.ofCompound(Double.NaN)).hasMessage("compound is NaN");
  }
}
