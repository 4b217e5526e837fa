package dev.chorus.listen.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

  @Test
  void aGuessNamesAnIso6391CodeWithAConfidence() {
    LanguageGuess guess = new LanguageGuess("pt", 0.8);
    assertThat(guess.isDetermined()).isTrue();
    assertThat(LanguageGuess.UNDETERMINED.isDetermined()).isFalse();
    assertThat(LanguageGuess.UNDETERMINED.language()).isEqualTo("und");
  }

  @Test
  void badCodesAndConfidencesAreRejectedByName() {
    assertThatThrownBy(() -> new LanguageGuess("EN", 0.5))
        .hasMessage("language must be a lower-case ISO 639-1 code or \"und\" but was EN");
    assertThatThrownBy(() -> new LanguageGuess("eng", 0.5)).hasMessageStartingWith("language");
    assertThatThrownBy(() -> new LanguageGuess(null, 0.5)).hasMessageStartingWith("language");
    assertThatThrownBy(() -> new LanguageGuess("en", 1.5))
        .hasMessage("confidence must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> new LanguageGuess("und", 0.3))
        .hasMessage("an undetermined language has confidence 0");
  }
}
