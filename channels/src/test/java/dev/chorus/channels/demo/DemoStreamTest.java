package dev.chorus.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.demo.DemoPost.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoStreamTest {
  private static final Instant EPOCH = Instant.parse("2026-11-30T08:00:00Z");

  /** About five hours of stream. */
  private static final int N = 4000;

  private static List<DemoPost> posts(long seed, int n) {
    DemoStream s = new DemoStream(seed, EPOCH);
    List<DemoPost> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add(s.post(i));
    return out;
  }

  @Test
  void theSameSeedMakesTheSameStreamAndAnotherSeedAnother() {
    List<DemoPost> a = posts(42, N);
    assertThat(posts(42, N)).isEqualTo(a);
    List<DemoPost> b = posts(43, N);
    long same = 0;
    for (int i = 0; i < N; i++) if (a.get(i).text().equals(b.get(i).text())) same++;
    assertThat(same).isLessThan(N / 20);
  }

  @Test
  void anyPostCanBeMadeAloneAndEqualsTheSameOneMadeInOrder() {
    List<DemoPost> inOrder = posts(7, 1200);
    DemoStream fresh = new DemoStream(7, EPOCH);
    for (int seq : new int[] {1200, 3, 777, 1, 512, 513, 256, 1024}) {
      assertThat(fresh.post(seq)).isEqualTo(inOrder.get(seq - 1));
    }
  }

  @Test
  void theMixOfKindsStaysWithinItsShares() {
    for (long seed : new long[] {1, 2, 3}) {
      Map<Tone, Integer> counts = new EnumMap<>(Tone.class);
      for (DemoPost p : posts(seed, N)) counts.merge(p.tone(), 1, Integer::sum);
      for (Tone t : Tone.values()) {
        double share = 100.0 * counts.getOrDefault(t, 0) / N;
        // A reply with nothing to answer yet becomes a mention: only at the very start.
        assertThat(share)
            .as("%s with seed %d", t, seed)
            .isBetween(t.percent * 0.7, t.percent * 1.3);
      }
    }
  }

  @Test
  void mostPostsAreEnglishAndEveryOtherLanguageIsAMinorityThatIsPresent() {
    Map<String, Integer> languages = new HashMap<>();
    for (DemoPost p : posts(11, N)) languages.merge(p.language(), 1, Integer::sum);
    assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "fr", "de", "es", "pt", "ja");
    assertThat(languages.get("en")).isBetween(N * 60 / 100, N * 80 / 100);
    for (String l : List.of("fr", "de", "es", "pt", "ja")) {
      assertThat(languages.get(l)).as(l).isBetween(N * 2 / 100, N * 12 / 100);
    }
    // The words follow the language: Japanese posts are written in Japanese.
    for (DemoPost p : posts(11, N)) {
      if (p.language().equals("ja"))
        assertThat(p.text()).containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    }
  }

  @Test
  void noTwoConsecutivePostsAreTheSameAndAnHourHardlyRepeats() {
    List<DemoPost> posts = posts(5, N);
    for (int i = 1; i < posts.size(); i++) {
      assertThat(posts.get(i).text()).isNotEqualTo(posts.get(i - 1).text());
    }
    DemoStream s = new DemoStream(5, EPOCH);
    Instant hour = EPOCH.plus(Duration.ofHours(1));
    List<String> firstHour = new ArrayList<>();
    for (int i = 1; !s.timeOf(i).isAfter(hour); i++) firstHour.add(s.post(i).text());
    Set<String> distinct = new HashSet<>(firstHour);
    assertThat(firstHour.size()).isBetween(600, 1800);
    // Short stock phrases ("Same here", "+1") come back now and then, as on any network.
    assertThat(distinct.size()).isGreaterThan(firstHour.size() * 85 / 100);
  }

  @Test
  void postsArriveEveryTwoToSixSecondsOnAverageWithBursts() {
    DemoStream s = new DemoStream(9, EPOCH);
    long quickRuns = 0;
    int run = 0;
    for (int i = 2; i <= N; i++) {
      long gap = Duration.between(s.timeOf(i - 1), s.timeOf(i)).toMillis();
      assertThat(gap).isPositive();
      run = gap < 2000 ? run + 1 : 0;
      if (run == 5) quickRuns++;
    }
    double average = Duration.between(s.timeOf(1), s.timeOf(N)).toMillis() / 1000.0 / (N - 1);
    assertThat(average).isBetween(2.0, 6.0);
    assertThat(quickRuns).isGreaterThan(10);
    assertThat(s.timeOf(1)).isAfter(EPOCH);
  }

  @Test
  void repliesAnswerARecentEarlierPostInItsLanguageAndSomeAuthorsComeBack() {
    List<DemoPost> posts = posts(21, N);
    int followUps = 0;
    for (DemoPost p : posts) {
      if (p.inReplyTo() == 0) {
        assertThat(p.tone().isReply()).isFalse();
        continue;
      }
      assertThat(p.inReplyTo()).isBetween(p.seq() - 60, p.seq() - 1);
      DemoPost root = posts.get((int) p.inReplyTo() - 1);
      assertThat(root.tone().isReply()).isFalse();
      assertThat(p.language()).isEqualTo(root.language());
      if (p.tone() == Tone.FOLLOW_UP) {
        assertThat(p.author()).isEqualTo(root.author());
        followUps++;
      } else {
        assertThat(p.author()).isNotEqualTo(root.author());
      }
    }
    assertThat(followUps).isGreaterThan(N * 3 / 100);
    Map<String, Integer> byAuthor = new HashMap<>();
    for (DemoPost p : posts) byAuthor.merge(p.author().handle(), 1, Integer::sum);
    assertThat(byAuthor.values().stream().filter(c -> c >= 10).count()).isGreaterThan(10);
    assertThat(byAuthor.values().stream().filter(c -> c == 1).count()).isGreaterThan(50);
  }

  @Test
  void theTextsVaryInLengthAndCarryEmojiLinksAndAFewHostileStrings() {
    List<DemoPost> posts = posts(33, N);
    assertThat(posts).anyMatch(p -> p.text().codePointCount(0, p.text().length()) > 280);
    assertThat(posts).anyMatch(p -> p.text().length() < 20);
    assertThat(posts.stream().filter(p -> p.text().contains("https://")).count())
        .isGreaterThan(N / 100);
    assertThat(
            posts.stream()
                .filter(p -> p.text().matches("(?s).*[\\x{1F300}-\\x{1FAFF}☕✨❤].*"))
                .count())
        .isGreaterThan(N / 10);
    long hostile = posts.stream().filter(p -> p.tone() == Tone.HOSTILE).count();
    assertThat(hostile).isBetween((long) N / 100, (long) N * 4 / 100);
    assertThat(posts).anyMatch(p -> p.text().contains("<script>"));
    assertThat(posts).anyMatch(p -> p.author().name().contains("<"));
    assertThat(posts).anyMatch(p -> p.author().name().length() > 40);
    // Every slot was filled: only hostile posts keep braces, which are theirs.
    for (DemoPost p : posts) {
      if (p.tone() != Tone.HOSTILE) assertThat(p.text()).doesNotContain("{").doesNotContain("}");
    }
    // Noise names the brand's word in another sense; the brand's own handle never appears in it.
    assertThat(posts.stream().filter(p -> p.tone() == Tone.NOISE))
        .allMatch(p -> p.text().toLowerCase(java.util.Locale.ROOT).contains("northwind"))
        .noneMatch(p -> p.text().contains("@northwindcoffee"));
  }
}
