package dev.chorus.listen.sentiment;

/**
 * VADER's four numbers for one text, rounded as VADER rounds them.
 *
 * @param negative share of the text's sentiment mass that is negative, in [0, 1], 3 decimals
 * @param neutral share that is neutral, in [0, 1], 3 decimals
 * @param positive share that is positive, in [0, 1], 3 decimals
 * @param compound normalised sum of all valences, in [-1, 1], 4 decimals; the single number to use
 *     when one is wanted
 */
public record SentimentScore(double negative, double neutral, double positive, double compound) {

  /** The score of a text with no words at all. */
  public static final SentimentScore EMPTY = new SentimentScore(0, 0, 0, 0);

  public SentimentScore {
    requireIn("negative", negative, 0, 1);
    requireIn("neutral", neutral, 0, 1);
    requireIn("positive", positive, 0, 1);
    requireIn("compound", compound, -1, 1);
  }

  /** The polarity of {@link #compound()} with thresholds of ±{@value Polarity#THRESHOLD}. */
  public Polarity polarity() {
    return Polarity.ofCompound(compound);
  }

  private static void requireIn(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "] but was " + value);
    }
  }
}
