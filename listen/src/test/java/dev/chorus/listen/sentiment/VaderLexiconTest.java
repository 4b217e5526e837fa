package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VaderLexiconTest {

  @Test
  void theBundledLexiconsLoadFromTheClasspath() {
    VaderLexicon lexicon = VaderLexicon.bundled();
    // 7,520 lines with 14 duplicated tokens.
    assertThat(lexicon.wordCount()).isEqualTo(7506);
    assertThat(lexicon.valence("good")).isEqualTo(1.9);
    assertThat(lexicon.valence("no-such-word")).isNaN();
    assertThat(lexicon.emojiCount()).isEqualTo(1212);
    assertThat(lexicon.emojiDescription(0x1F601)).isEqualTo("beaming face with smiling eyes");
    assertThat(lexicon.emojiDescription('a')).isNull();
  }

  @Test
  void aLaterDuplicateReplacesAnEarlierEntryAsInVaderSentiment() {
    VaderLexicon lexicon = VaderLexicon.parse("lol\t2.9\t0.1\t[]\nlol\t1.8\t0.2\t[]\n", "");
    assertThat(lexicon.valence("lol")).isEqualTo(1.8);
    assertThat(VaderLexicon.bundled().valence("lol")).isEqualTo(1.8);
  }

  @Test
  void emojiKeysLongerThanOneCodePointAreDropped() {
    VaderLexicon lexicon =
        VaderLexicon.parse("", "\u2764\uFE0F\tred heart\n\u263A\tsmiling face\n");
    assertThat(lexicon.emojiCount()).isEqualTo(1);
    assertThat(lexicon.emojiDescription(0x263A)).isEqualTo("smiling face");
  }

  @Test
  void malformedLinesAreRejectedWithFileAndLine() {
    assertThatThrownBy(() -> VaderLexicon.parse("good\t1.9\nbad\n", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("word lexicon line 2: expected two tab-separated fields but found one");
    assertThatThrownBy(() -> VaderLexicon.parse("good\tvery\n", ""))
        .hasMessage("word lexicon line 1: mean \"very\" is not a number");
  }
}
