package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyTextTest {

  @Test
  void whitespaceIsPythonsIncludingNoBreakSpacesButNotZeroWidthSpace() {
    assertThat(PyText.isSpace('\u00a0')).isTrue();
    assertThat(PyText.isSpace('\u202f')).isTrue();
    assertThat(PyText.isSpace('\u3000')).isTrue();
    assertThat(PyText.isSpace('\u001c')).isTrue();
    assertThat(PyText.isSpace('\u200b')).isFalse();
    assertThat(PyText.isSpace('a')).isFalse();
  }

  @Test
  void upperCaseNeedsACasedCharacterAndNoLowerCaseOne() {
    assertThat(PyText.isUpper("GOOD")).isTrue();
    assertThat(PyText.isUpper("GOOD!1")).isTrue();
    assertThat(PyText.isUpper("ÉTÉ")).isTrue();
    assertThat(PyText.isUpper("Good")).isFalse();
    assertThat(PyText.isUpper(":)")).isFalse();
    assertThat(PyText.isUpper("123")).isFalse();
  }

  @Test
  void stripRemovesPythonWhitespaceAtBothEnds() {
    assertThat(PyText.strip("\u00a0 good\t\n")).isEqualTo("good");
  }

  @Test
  void punctuationIsExactlyTheAsciiSet() {
    String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    for (char c = 0; c < 128; c++) {
      assertThat(PyText.isAsciiPunctuation(c))
          .as("char %d", (int) c)
          .isEqualTo(punctuation.indexOf(c) >= 0);
    }
    assertThat(PyText.isAsciiPunctuation('¡')).isFalse();
  }
}
