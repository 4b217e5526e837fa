package dev.chorus.listen.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorer against vaderSentiment's own output on the 9,390 evaluation texts. */
class SentimentReferenceAgreementTest {

  private static final double TOLERANCE = 0.001;

  private final SentimentScorer scorer = new SentimentScorer(VaderLexicon.bundled());

  @Test
  void compoundScoresAgreeWithVaderSentimentOnEveryEvaluationText() {
    Map<String, VaderData.Reference> reference = VaderData.reference();
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (String dataset : VaderData.DATASETS) {
      for (VaderData.Item item : VaderData.groundTruth(dataset)) {
        VaderData.Reference expected = reference.get(dataset + "/" + item.id());
        assertThat(expected).as("reference row for %s/%s", dataset, item.id()).isNotNull();
        SentimentScore actual = scorer.score(item.text());
        compared++;
        if (Math.abs(actual.compound() - expected.compound()) > TOLERANCE) {
          mismatches.add(
              dataset
                  + "/"
                  + item.id()
                  + " expected "
                  + expected.compound()
                  + " got "
                  + actual.compound()
                  + ": "
                  + item.text());
        }
      }
    }
    assertThat(compared).isEqualTo(reference.size()).isEqualTo(9390);
    assertThat(mismatches).as("rows whose compound differs by more than %s", TOLERANCE).isEmpty();
  }

  @Test
  void allFourRoundedNumbersEqualVaderSentimentsExactlyOnEveryEvaluationText() {
    Map<String, VaderData.Reference> reference = VaderData.reference();
    List<String> mismatches = new ArrayList<>();
    for (String dataset : VaderData.DATASETS) {
      for (VaderData.Item item : VaderData.groundTruth(dataset)) {
        VaderData.Reference expected = reference.get(dataset + "/" + item.id());
        SentimentScore actual = scorer.score(item.text());
        // Both sides round the same way (3 decimals, 4 for compound), so equality is exact.
        if (actual.negative() != expected.neg()
            || actual.neutral() != expected.neu()
            || actual.positive() != expected.pos()
            || actual.compound() != expected.compound()) {
          mismatches.add(dataset + "/" + item.id() + " expected " + expected + " got " + actual);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
