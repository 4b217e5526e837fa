package dev.chorus.listen.language;

/**
 * A post's language as far as it can be told.
 *
 * @param language an ISO 639-1 code in lower case ({@code "en"}, {@code "pt"}), or {@value
 *     #UNDETERMINED_CODE} (ISO 639-2 "undetermined") when the text gives too little evidence
 * @param confidence the identifier's confidence in [0, 1]; 0 when undetermined. Comparable between
 *     posts for one identifier, not between identifiers.
 */
public record LanguageGuess(String language, double confidence) {

  /** ISO 639-2's code for "undetermined". */
  public static final String UNDETERMINED_CODE = "und";

  /** The guess for text without enough evidence: no letters, or no clear winner. */
  public static final LanguageGuess UNDETERMINED = new LanguageGuess(UNDETERMINED_CODE, 0);

  public LanguageGuess {
    if (language == null
        || !(isTwoLowerCaseLetters(language) || language.equals(UNDETERMINED_CODE))) {
      throw new IllegalArgumentException(
          "language must be a lower-case ISO 639-1 code or \"und\" but was " + language);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
    }
    if (language.equals(UNDETERMINED_CODE) && confidence != 0) {
      throw new IllegalArgumentException("an undetermined language has confidence 0");
    }
  }

  private static boolean isTwoLowerCaseLetters(String s) {
    return s.length() == 2
        && s.charAt(0) >= 'a'
        && s.charAt(0) <= 'z'
        && s.charAt(1) >= 'a'
        && s.charAt(1) <= 'z';
  }

  /** False for {@link #UNDETERMINED}. */
  public boolean isDetermined() {
    return !language.equals(UNDETERMINED_CODE);
  }
}
