package dev.chorus.listen.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * VADER's empirically derived constants and word lists (vaderSentiment 3.3.x), as data. Words are
 * lower case; phrases are single-space separated, matched token by token.
 */
final class VaderRules {

  /** Valence added by a booster word ("very"), subtracted by a dampener ("slightly"). */
  static final double B_INCR = 0.293;

  static final double B_DECR = -0.293;

  /** Valence added for an ALL-CAPS word among words that are not all caps. */
  static final double C_INCR = 0.733;

  /** Factor applied to a negated valence. */
  static final double N_SCALAR = -0.74;

  /** Valence added per exclamation mark, up to {@link #MAX_EXCLAMATIONS}. */
  static final double EXCLAMATION_INCR = 0.292;

  static final int MAX_EXCLAMATIONS = 4;

  /** Valence added per question mark when there are two or three; more count as the cap. */
  static final double QUESTION_INCR = 0.18;

  static final double QUESTION_CAP = 0.96;

  /** The alpha of the compound normalisation x / sqrt(x² + alpha). */
  static final double NORMALIZE_ALPHA = 15;

  /** Weight of sentiment before "but", and after it. */
  static final double BEFORE_BUT = 0.5;

  static final double AFTER_BUT = 1.5;

  static final Set<String> NEGATIONS =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  private static final String[] BOOSTERS = {
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very"
  };

  private static final String[] DAMPENERS = {
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of"
  };

  /** Booster and dampener words and phrases with the valence they add. */
  static final Map<String, Double> BOOSTER_DICT = boosterDict();

  /** Idioms and phrases containing lexicon words, with the valence that replaces the word's. */
  static final Map<String, Double> SPECIAL_CASES =
      Map.of(
          "the shit", 3.0,
          "the bomb", 3.0,
          "bad ass", 1.5,
          "badass", 1.5,
          "bus stop", 0.0,
          "yeah right", -2.0,
          "kiss of death", -1.5,
          "to die for", 3.0,
          "beating heart", 3.1,
          "broken heart", -2.9);

  /** First words of the multi-word keys above: a cheap test before joining tokens. */
  static final Set<String> PHRASE_FIRST_WORDS = firstWords(BOOSTER_DICT, SPECIAL_CASES);

  private VaderRules() {}

  /** True if the lower-cased word negates what follows: a negation word or any "n't" form. */
  static boolean isNegation(String lowerWord) {
    return NEGATIONS.contains(lowerWord) || lowerWord.contains("n't");
  }

  private static Map<String, Double> boosterDict() {
    Map<String, Double> dict = new HashMap<>();
    for (String word : BOOSTERS) {
      dict.put(word, B_INCR);
    }
    for (String word : DAMPENERS) {
      dict.put(word, B_DECR);
    }
    return Map.copyOf(dict);
  }

  @SafeVarargs
  private static Set<String> firstWords(Map<String, Double>... maps) {
    Set<String> words = new HashSet<>();
    for (Map<String, Double> map : maps) {
      for (String key : map.keySet()) {
        int space = key.indexOf(' ');
        if (space > 0) {
          words.add(key.substring(0, space));
        }
      }
    }
    return Set.copyOf(words);
  }
}
