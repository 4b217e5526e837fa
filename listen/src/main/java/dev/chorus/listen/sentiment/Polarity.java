package dev.chorus.listen.sentiment;

/** Three-way reading of a compound score with VADER's usual thresholds. */
public enum Polarity {
  POSITIVE,
  NEUTRAL,
  NEGATIVE;

  /** Compound scores at or beyond this magnitude are positive or negative; others neutral. */
  public static final double THRESHOLD = 0.05;

  /**
   * The polarity of a compound score: {@code >= 0.05} is positive, {@code <= -0.05} negative,
   * anything between neutral.
   *
   * @throws IllegalArgumentException if {@code compound} is NaN
   */
  public static Polarity ofCompound(double compound) {
    if (Double.isNaN(compound)) {
      throw new IllegalArgumentException("compound is NaN");
    }
    if (compound >= THRESHOLD) {
      return POSITIVE;
    }
    if (compound <= -THRESHOLD) {
      return NEGATIVE;
    }
    return NEUTRAL;
  }
}
