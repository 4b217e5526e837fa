package dev.chorus.listen.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageEvidenceTest {

  @Test
  void linksMentionsDigitsEmojiAndSymbolsAreDropped() {
    String post =
        "@alice@mastodon.social look: https://example.com/a?b=1 www.x.org 100% 🎉 #Great day!";
    assertThat(LanguageEvidence.extract(post, 1000)).isEqualTo("look Great day");
  }

  @Test
  void lettersOfEveryScriptApostrophesAndCombiningMarksAreKept() {
    assertThat(LanguageEvidence.extract("C'est l’été, 東京へ行く", 1000)).isEqualTo("C'est l’été 東京へ行く");
    assertThat(LanguageEvidence.extract("नमस्ते दोस्तों", 1000)).isEqualTo("नमस्ते दोस्तों");
  }

  @Test
  void onlyTheFirstMaxCharsAreExamined() {
    assertThat(LanguageEvidence.extract("abc def ghi", 6)).isEqualTo("abc de");
  }

  @Test
  void anAtSignAloneIsNotAMention() {
    assertThat(LanguageEvidence.extract("meet @ noon", 100)).isEqualTo("meet noon");
  }

  @Test
  void lettersAreCountedByCodePoint() {
    assertThat(LanguageEvidence.letterCount("a1 𝒜b!")).isEqualTo(3);
  }

  @Test
  void aNonPositiveLimitIsRejected() {
    assertThatThrownBy(() -> LanguageEvidence.extract("x", 0))
        .hasMessage("maxChars must be positive but was 0");
  }
}
