package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * VADER's rules one at a time. Expected compounds are worked out by hand from the lexicon (good
 * 1.9, horrible -2.5, bad -2.5) and the normalisation x / sqrt(x² + 15).
 */
class SentimentScorerTest {

  private final SentimentScorer scorer = new SentimentScorer(VaderLexicon.bundled());

  private double compound(String text) {
    return scorer.score(text).compound();
  }

  @Test
  void aLexiconWordGivesItsNormalisedValence() {
    SentimentScore score = scorer.score("The book was good.");
    assertThat(score.compound()).isEqualTo(0.4404);
    assertThat(score.positive()).isEqualTo(0.492);
    assertThat(score.neutral()).isEqualTo(0.508);
    assertThat(score.negative()).isEqualTo(0.0);
    assertThat(score.polarity()).isEqualTo(Polarity.POSITIVE);
  }

  @Test
  void aTextWithoutWordsIsEmptyAndNeutral() {
    assertThat(scorer.score("")).isEqualTo(SentimentScore.EMPTY);
    assertThat(scorer.score(" \t\u00a0\u3000 ")).isEqualTo(SentimentScore.EMPTY);
    assertThat(scorer.score("The meeting is at noon").polarity()).isEqualTo(Polarity.NEUTRAL);
  }

  @Test
  void aNullTextIsRejectedByName() {
    assertThatThrownBy(() -> scorer.score(null)).hasMessage("text");
  }

  @Test
  void negationsFlipAndDampenTheFollowingWord() {
    assertThat(compound("The book is not good")).isEqualTo(-0.3412);
    assertThat(compound("The book isn't horrible")).isEqualTo(0.431);
    assertThat(compound("no good")).isEqualTo(-0.3412);
  }

  @Test
  void boostersAndDampenersShiftTheWordTheyPrecede() {
    assertThat(compound("very good")).isEqualTo(0.4927);
    assertThat(compound("The book was only kind of good.")).isEqualTo(0.3832);
    assertThat(compound("slightly good")).isLessThan(compound("good"));
  }

  @Test
  void neverSoAmplifiesInsteadOfNegating() {
    assertThat(compound("never so good")).isEqualTo(0.5777);
  }

  @Test
  void allCapsWordsAreEmphasisedOnlyAmongLowerCaseWords() {
    assertThat(compound("The food is GOOD")).isEqualTo(0.5622);
    assertThat(compound("THE FOOD IS GOOD")).isEqualTo(compound("the food is good"));
  }

  @Test
  void exclamationMarksAmplifyUpToFour() {
    assertThat(compound("good!")).isEqualTo(0.4926);
    assertThat(compound("good!!!!")).isEqualTo(compound("good!!!!!!!!"));
    assertThat(compound("good!!!!")).isGreaterThan(compound("good!!!"));
  }

  @Test
  void twoOrMoreQuestionMarksAmplifyButOneDoesNot() {
    assertThat(compound("good?")).isEqualTo(compound("good"));
    assertThat(compound("good??")).isEqualTo(0.504);
  }

  @Test
  void butHalvesWhatComesBeforeAndStrengthensWhatComesAfter() {
    assertThat(compound("The food is good but the service is bad")).isEqualTo(-0.5859);
  }

  @Test
  void specialIdiomsReplaceTheWordsValence() {
    assertThat(compound("The movie is the shit")).isEqualTo(0.6124);
    assertThat(compound("The movie is shit")).isNegative();
  }

  @Test
  void leastNegatesUnlessItIsAtLeast() {
    assertThat(compound("the least good")).isNegative();
    assertThat(compound("at least good")).isEqualTo(compound("good"));
  }

  @Test
  void emoticonsKeepTheirPunctuationAndScore() {
    assertThat(compound("see you tomorrow :)")).isPositive();
    assertThat(compound("see you tomorrow :(")).isNegative();
  }

  @Test
  void anEmojiScoresAsItsDescription() {
    assertThat(scorer.score("\uD83D\uDE01"))
        .isEqualTo(scorer.score("beaming face with smiling eyes"));
    assertThat(compound("Catch utf-8 emoji such as \uD83D\uDC98 and \uD83D\uDE01")).isPositive();
  }

  @Test
  void punctuationAroundWordsIsIgnored() {
    assertThat(compound("\"good,\"")).isEqualTo(compound("good"));
  }

  @Test
  void malformedUnicodeAndHugeTextsAreScoredNotRejected() {
    assertThat(scorer.score("good \uD800 bad \uDFFF").compound()).isBetween(-1.0, 1.0);
    String huge = "good but bad and very HORRIBLE! ".repeat(50_000);
    SentimentScore score = scorer.score(huge);
    assertThat(score.compound()).isBetween(-1.0, 1.0);
    assertThat(score.polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void theScorerIsSafeToShareBetweenThreads() throws InterruptedException {
    String[] texts = {"good", "not bad at all", "VERY BAD!!!", "The movie is the shit", "meh"};
    SentimentScore[] expected = new SentimentScore[texts.length];
    for (int i = 0; i < texts.length; i++) {
      expected[i] = scorer.score(texts[i]);
    }
    boolean[] allEqual = {true, true, true, true};
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] =
          new Thread(
              () -> {
                for (int round = 0; round < 2_000; round++) {
                  int i = (round + id) % texts.length;
                  if (!scorer.score(texts[i]).equals(expected[i])) {
                    allEqual[id] = false;
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(allEqual).containsOnly(true);
  }
}
