package dev.chorus.bench.sentiment;

import dev.chorus.listen.sentiment.Polarity;

/**
 * Three-class (positive, neutral, negative) agreement between predicted and gold polarities:
 * accuracy, and precision/recall/F1 per class combined weighted by support (the reading of the
 * VADER paper's protocol used in shared/data/vader/README.md) and as a plain macro average.
 */
final class ThreeClass {

  /**
   * Gold polarity from a mean human rating on VADER's -4..+4 scale: the mean divided by 4 and
   * thresholded like a compound score, so ratings at or beyond ±0.2 are positive or negative.
   */
  static Polarity gold(double meanRating) {
    return Polarity.ofCompound(meanRating / 4.0);
  }

  private final int[][] confusion = new int[3][3]; // [gold][predicted]
  private int total;

  void add(Polarity gold, Polarity predicted) {
    confusion[gold.ordinal()][predicted.ordinal()]++;
    total++;
  }

  double accuracy() {
    int correct = 0;
    for (int c = 0; c < 3; c++) {
      correct += confusion[c][c];
    }
    return total == 0 ? 0 : correct / (double) total;
  }

  double weightedF1() {
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      sum += f1(c) * support(c);
    }
    return total == 0 ? 0 : sum / total;
  }

  double macroF1() {
    return (f1(0) + f1(1) + f1(2)) / 3.0;
  }

  private int support(int c) {
    return confusion[c][0] + confusion[c][1] + confusion[c][2];
  }

  private double f1(int c) {
    int predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
    int actual = support(c);
    if (predicted == 0 || actual == 0) {
      return 0;
    }
    double precision = confusion[c][c] / (double) predicted;
    double recall = confusion[c][c] / (double) actual;
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
