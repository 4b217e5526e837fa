package dev.chorus.listen.sentiment;

import java.util.Objects;

/**
 * Scores the sentiment of a text with VADER's rules; the compound agrees with vaderSentiment
 * 3.3.x's {@code polarity_scores}. Immutable and safe for concurrent use: build one per process and
 * share it.
 *
 * <pre>{@code
 * SentimentScorer scorer = new SentimentScorer(VaderLexicon.bundled());
 * SentimentScore score = scorer.score("The new release is GREAT!!! :)");
 * score.compound();  // 0.8...
 * score.polarity();  // POSITIVE
 * }</pre>
 *
 * <p>VADER is built for English social text, one sentence to a paragraph. Text in other languages
 * mostly scores neutral. Cost is linear in the text's length.
 */
public final class SentimentScorer {

  private final VaderLexicon lexicon;

  public SentimentScorer(VaderLexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  /**
   * The sentiment of one text. Any text is accepted: an empty or blank text, or one with no words,
   * scores {@link SentimentScore#EMPTY}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public SentimentScore score(CharSequence text) {
    Objects.requireNonNull(text, "text");
    SentiText sentiText = SentiText.of(text, lexicon);
    double[] valences = new WordValence(sentiText, lexicon).valences();
    return Aggregation.score(sentiText, valences);
  }
}
