package dev.chorus.core.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.PostLength;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitThreadTest {
  private static final ChannelLimits MASTODON =
      new ChannelLimits(40, false, 23, 4, 16L << 20, 1500);
  private static final ChannelLimits BLUESKY = new ChannelLimits(20, true, -1, 4, 1_000_000, 2000);

  @Test
  void aTextThatFitsStaysOnePartWithoutNumbering() {
    assertThat(SplitThread.split("  Short and sweet.  ", MASTODON, true))
        .containsExactly("Short and sweet.");
  }

  @Test
  void aBlankTextHasNoParts() {
    assertThat(SplitThread.split(" \n ", MASTODON, false)).isEmpty();
  }

  @Test
  void partsEndAtSentenceBoundariesAndHoldAsManySentencesAsFit() {
    List<String> parts =
        SplitThread.split(
            "First sentence here. Second one is here. Third. Fourth sentence is longer.",
            MASTODON,
            false);
    assertThat(parts)
        .containsExactly(
            "First sentence here. Second one is here.", "Third. Fourth sentence is longer.");
    parts.forEach(p -> assertThat(PostLength.count(p, MASTODON)).isLessThanOrEqualTo(40));
  }

  @Test
  void aSentenceLongerThanAPostSplitsBetweenWordsNeverInsideOne() {
    String text =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron.";
    List<String> parts = SplitThread.split(text, BLUESKY, false);
    assertThat(String.join(" ", parts)).isEqualTo(text);
    for (String p : parts) {
      assertThat(PostLength.count(p, BLUESKY)).isLessThanOrEqualTo(20);
      assertThat(p).doesNotStartWith(" ").doesNotEndWith(" ");
    }
    assertThat(parts.get(0)).isEqualTo("alpha beta gamma");
  }

  @Test
  void numberingIsCountedInTheLimit() {
    String text = "One two three. Four five six. Seven eight nine. Ten eleven twelve.";
    ChannelLimits limits = new ChannelLimits(22, true, -1, 0, 0, 0);
    List<String> parts = SplitThread.split(text, limits, true);
    assertThat(parts)
        .containsExactly(
            "One two three. 1/4",
            "Four five six. 2/4",
            "Seven eight nine. 3/4",
            "Ten eleven twelve. 4/4");
    parts.forEach(p -> assertThat(PostLength.count(p, limits)).isLessThanOrEqualTo(22));
    // At 17, "Seven eight nine." fits alone, but not with its number: then it splits between words.
    ChannelLimits tight = new ChannelLimits(17, true, -1, 0, 0, 0);
    assertThat(SplitThread.split(text, tight, false)).contains("Seven eight nine.");
    assertThat(SplitThread.split(text, tight, true)).doesNotContain("Seven eight nine. 3/4");
    SplitThread.split(text, tight, true)
        .forEach(p -> assertThat(PostLength.count(p, tight)).isLessThanOrEqualTo(17));
  }

  @Test
  void numberingWidensWhenThereAreTenOrMoreParts() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) b.append("Sentence ").append((char) ('a' + i)).append(". ");
    List<String> parts =
        SplitThread.split(b.toString(), new ChannelLimits(18, true, -1, 0, 0, 0), true);
    assertThat(parts).hasSize(12);
    assertThat(parts.get(0)).isEqualTo("Sentence a. 1/12");
    assertThat(parts.get(11)).isEqualTo("Sentence l. 12/12");
  }

  @Test
  void aLinkCountsAsTwentyThreeOnMastodonSoItIsNotCut() {
    String url = "https://example.com/" + "a".repeat(80);
    List<String> parts = SplitThread.split("Read this. " + url + " now.", MASTODON, false);
    assertThat(parts).containsExactly("Read this. " + url + " now.");
  }

  @Test
  void emojiSequencesAreCountedAsTheNetworkCountsThemAndNeverCut() {
    // 👩‍👩‍👧‍👦 is 7 code points and one grapheme; Bluesky's 20 graphemes hold 10 of them with
    // spaces.
    String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    String text = String.join(" ", java.util.Collections.nCopies(15, family));
    List<String> parts = SplitThread.split(text, BLUESKY, false);
    assertThat(parts).hasSize(2);
    assertThat(PostLength.graphemes(parts.get(0))).isEqualTo(19);
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }
}
