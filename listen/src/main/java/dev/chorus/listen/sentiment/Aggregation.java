package dev.chorus.listen.sentiment;

import static dev.chorus.listen.sentiment.VaderRules.AFTER_BUT;
import static dev.chorus.listen.sentiment.VaderRules.BEFORE_BUT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Turns per-token valences into VADER's four numbers: the "but" contrast, emphasis from ! and ?,
 * the compound normalisation and the neg/neu/pos proportions, rounded as Python's {@code round}.
 */
final class Aggregation {

  /** Above this many non-zero valences the "but" rule uses an index per value, not a scan. */
  static final int LINEAR_BUT_LIMIT = 64;

  private Aggregation() {}

  static SentimentScore score(SentiText text, double[] sentiments) {
    if (sentiments.length == 0) {
      return SentimentScore.EMPTY;
    }
    int but = indexOfBut(text.lower);
    if (but >= 0) {
      butContrast(sentiments, but);
    }
    double sum = 0;
    for (double s : sentiments) {
      sum += s;
    }
    double emphasis = punctuationEmphasis(text.text);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    double compound = normalize(sum);

    double posSum = 0;
    double negSum = 0;
    int neutralCount = 0;
    for (double s : sentiments) {
      if (s > 0) {
        posSum += s + 1; // +1 compensates for neutral words being counted as 1
      }
      if (s < 0) {
        negSum += s - 1;
      }
      if (s == 0) {
        neutralCount++;
      }
    }
    if (posSum > Math.abs(negSum)) {
      posSum += emphasis;
    } else if (posSum < Math.abs(negSum)) {
      negSum -= emphasis;
    }
    double total = posSum + Math.abs(negSum) + neutralCount;
    return new SentimentScore(
        round(Math.abs(negSum / total), 3),
        round(Math.abs(neutralCount / total), 3),
        round(Math.abs(posSum / total), 3),
        round(compound, 4));
  }

  private static int indexOfBut(String[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if (lower[i].equals("but")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * vaderSentiment's "but" rule, bug for bug: it walks the list and, for each value, rescales the
   * <em>first</em> element equal to it (halved before "but", times 1.5 after). With repeated values
   * this rescales one element several times and leaves others alone; the reference scores depend on
   * it. Zeros are skipped: rescaling a zero changes nothing.
   */
  static void butContrast(double[] s, int but) {
    int nonZero = 0;
    for (double v : s) {
      if (v != 0) {
        nonZero++;
      }
    }
    if (nonZero <= LINEAR_BUT_LIMIT) {
      butContrastByScan(s, but);
    } else {
      butContrastByIndex(s, but);
    }
  }

  static void butContrastByScan(double[] s, int but) {
    for (int k = 0; k < s.length; k++) {
      double v = s[k];
      if (v == 0) {
        continue;
      }
      int first = 0;
      while (s[first] != v) {
        first++;
      }
      rescale(s, first, v, but);
    }
  }

  // Same result in O(n log n): for each value, a heap of the indices currently holding it.
  static void butContrastByIndex(double[] s, int but) {
    Map<Double, PriorityQueue<Integer>> holders = new HashMap<>();
    for (int i = 0; i < s.length; i++) {
      if (s[i] != 0) {
        holders.computeIfAbsent(s[i], v -> new PriorityQueue<>()).add(i);
      }
    }
    for (int k = 0; k < s.length; k++) {
      double v = s[k];
      if (v == 0) {
        continue;
      }
      PriorityQueue<Integer> queue = holders.get(v);
      int first = queue.peek();
      rescale(s, first, v, but);
      if (s[first] != v) {
        queue.poll();
        holders.computeIfAbsent(s[first], x -> new PriorityQueue<>()).add(first);
      }
    }
  }

  private static void rescale(double[] s, int index, double value, int but) {
    if (index < but) {
      s[index] = value * BEFORE_BUT;
    } else if (index > but) {
      s[index] = value * AFTER_BUT;
    }
  }

  static double punctuationEmphasis(String text) {
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!') {
        exclamations++;
      } else if (c == '?') {
        questions++;
      }
    }
    double emphasis =
        Math.min(exclamations, VaderRules.MAX_EXCLAMATIONS) * VaderRules.EXCLAMATION_INCR;
    if (questions > 1) {
      emphasis += questions <= 3 ? questions * VaderRules.QUESTION_INCR : VaderRules.QUESTION_CAP;
    }
    return emphasis;
  }

  static double normalize(double score) {
    double normalized = score / Math.sqrt(score * score + VaderRules.NORMALIZE_ALPHA);
    return Math.max(-1.0, Math.min(1.0, normalized));
  }

  /**
   * Python's {@code round(x, digits)}: the double nearest to x rounded half-even at the given
   * decimal digit, deciding ties on x's exact binary value.
   */
  static double round(double x, int digits) {
    double scale = Math.pow(10, digits);
    double scaled = x * scale;
    double fraction = Math.abs(scaled - Math.floor(scaled));
    if (Math.abs(fraction - 0.5) > 1e-6) {
      // Far from a tie, so the rounding error of x * scale cannot change the nearest integer.
      return Math.rint(scaled) / scale;
    }
    return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
  }
}
