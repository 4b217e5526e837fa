package dev.chorus.listen.sentiment;

import static dev.chorus.listen.sentiment.VaderRules.BOOSTER_DICT;
import static dev.chorus.listen.sentiment.VaderRules.C_INCR;
import static dev.chorus.listen.sentiment.VaderRules.N_SCALAR;
import static dev.chorus.listen.sentiment.VaderRules.PHRASE_FIRST_WORDS;
import static dev.chorus.listen.sentiment.VaderRules.SPECIAL_CASES;

import java.util.Map;

/**
 * The valence of each token of one text, VADER's per-word rules in VADER's order: lexicon value,
 * "no" as negation, ALL-CAPS emphasis, then for each of the three preceding tokens that is not a
 * lexicon word a booster or dampener (weakened with distance), a negation check and, three back,
 * the special idioms; last the "least" negation. Not thread-safe; one instance per text.
 */
final class WordValence {

  private final SentiText text;
  private final double[] lexiconValence;

  WordValence(SentiText text, VaderLexicon lexicon) {
    this.text = text;
    this.lexiconValence = new double[text.size()];
    for (int i = 0; i < lexiconValence.length; i++) {
      lexiconValence[i] = lexicon.valence(text.lower[i]);
    }
  }

  /** One valence per token; 0 for tokens that carry none. */
  double[] valences() {
    int n = text.size();
    double[] sentiments = new double[n];
    for (int i = 0; i < n; i++) {
      String word = text.lower[i];
      // Boosters and "kind of" modify their neighbours and carry no valence themselves.
      if (BOOSTER_DICT.containsKey(word)) {
        continue;
      }
      if (i < n - 1 && word.equals("kind") && text.lower[i + 1].equals("of")) {
        continue;
      }
      if (inLexicon(i)) {
        sentiments[i] = valence(i);
      }
    }
    return sentiments;
  }

  private boolean inLexicon(int i) {
    return !Double.isNaN(lexiconValence[i]);
  }

  private double valence(int i) {
    String[] lower = text.lower;
    int n = lower.length;
    double valence = lexiconValence[i];
    if (lower[i].equals("no") && i != n - 1 && inLexicon(i + 1)) {
      // "no" before a lexicon word negates that word instead of counting itself.
      valence = 0.0;
    }
    if ((i > 0 && lower[i - 1].equals("no"))
        || (i > 1 && lower[i - 2].equals("no"))
        || (i > 2 && lower[i - 3].equals("no") && isOrNor(lower[i - 1]))) {
      valence = lexiconValence[i] * N_SCALAR;
    }
    if (text.upper[i] && text.capDifferential) {
      valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
    }
    for (int back = 0; back < 3; back++) {
      int j = i - (back + 1);
      if (i > back && !inLexicon(j)) {
        double scalar = scalar(j, valence);
        if (back == 1 && scalar != 0) {
          scalar *= 0.95;
        }
        if (back == 2 && scalar != 0) {
          scalar *= 0.9;
        }
        valence += scalar;
        valence = negationCheck(valence, back, i);
        if (back == 2) {
          valence = specialIdioms(valence, i);
        }
      }
    }
    return leastCheck(valence, i);
  }

  private static boolean isOrNor(String word) {
    return word.equals("or") || word.equals("nor");
  }

  // The booster or dampener effect of token j on a word of the given valence.
  private double scalar(int j, double valence) {
    Double boost = BOOSTER_DICT.get(text.lower[j]);
    if (boost == null) {
      return 0.0;
    }
    double scalar = valence < 0 ? -boost : boost;
    if (text.upper[j] && text.capDifferential) {
      scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
    }
    return scalar;
  }

  private double negationCheck(double valence, int back, int i) {
    String[] w = text.lower;
    if (back == 0) {
      return VaderRules.isNegation(w[i - 1]) ? valence * N_SCALAR : valence;
    }
    if (back == 1) {
      if (w[i - 2].equals("never") && isSoOrThis(w[i - 1])) {
        return valence * 1.25;
      }
      if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
        return valence;
      }
      return VaderRules.isNegation(w[i - 2]) ? valence * N_SCALAR : valence;
    }
    // Three back. As in vaderSentiment, "so"/"this" right before the word amplifies whether or
    // not "never" is there: the condition reads (never AND so/this two back) OR so/this one back.
    if ((w[i - 3].equals("never") && isSoOrThis(w[i - 2])) || isSoOrThis(w[i - 1])) {
      return valence * 1.25;
    }
    if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
      return valence;
    }
    return VaderRules.isNegation(w[i - 3]) ? valence * N_SCALAR : valence;
  }

  private static boolean isSoOrThis(String word) {
    return word.equals("so") || word.equals("this");
  }

  // Only reached with i >= 3.
  private double specialIdioms(double valence, int i) {
    String[] w = text.lower;
    int n = w.length;
    double[] candidates = {
      phrase(SPECIAL_CASES, w[i - 1], w[i]),
      phrase(SPECIAL_CASES, w[i - 2], w[i - 1], w[i]),
      phrase(SPECIAL_CASES, w[i - 2], w[i - 1]),
      phrase(SPECIAL_CASES, w[i - 3], w[i - 2], w[i - 1]),
      phrase(SPECIAL_CASES, w[i - 3], w[i - 2])
    };
    for (double candidate : candidates) {
      if (!Double.isNaN(candidate)) {
        valence = candidate;
        break;
      }
    }
    if (n - 1 > i) {
      double following = phrase(SPECIAL_CASES, w[i], w[i + 1]);
      if (!Double.isNaN(following)) {
        valence = following;
      }
    }
    if (n - 1 > i + 1) {
      double following = phrase(SPECIAL_CASES, w[i], w[i + 1], w[i + 2]);
      if (!Double.isNaN(following)) {
        valence = following;
      }
    }
    // Booster and dampener phrases such as "sort of" before the word.
    double[] ngrams = {
      phrase(BOOSTER_DICT, w[i - 3], w[i - 2], w[i - 1]),
      phrase(BOOSTER_DICT, w[i - 3], w[i - 2]),
      phrase(BOOSTER_DICT, w[i - 2], w[i - 1])
    };
    for (double boost : ngrams) {
      if (!Double.isNaN(boost)) {
        valence += boost;
      }
    }
    return valence;
  }

  // Tokens never contain whitespace, so a phrase key matches exactly when its space-joined
  // tokens do; the first-word test avoids building strings for the common miss.
  private static double phrase(Map<String, Double> phrases, String... tokens) {
    if (!PHRASE_FIRST_WORDS.contains(tokens[0])) {
      return Double.NaN;
    }
    Double value = phrases.get(String.join(" ", tokens));
    return value == null ? Double.NaN : value;
  }

  private double leastCheck(double valence, int i) {
    String[] w = text.lower;
    if (i > 1 && !inLexicon(i - 1) && w[i - 1].equals("least")) {
      if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
        return valence * N_SCALAR;
      }
    } else if (i > 0 && !inLexicon(i - 1) && w[i - 1].equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }
}
