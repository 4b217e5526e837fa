package dev.chorus.listen.text;

/** Character classes of the tokenizer, with an ASCII fast path. */
final class CharClass {

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_';
    }
  }

  private CharClass() {}

  /** Letters, digits, marks and connector punctuation (such as {@code _}). */
  static boolean isWordChar(int cp) {
    if (cp < 128) {
      return ASCII_WORD[cp];
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.CONNECTOR_PUNCTUATION;
  }

  /** Han, Hiragana, Katakana and the prolonged sound mark. */
  static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    if (cp == 0x30FC) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  static boolean isEmojiStart(int cp) {
    if (cp < 0xA9) {
      return false;
    }
    boolean inRange =
        cp == 0xA9
            || cp == 0xAE
            || cp == 0x203C
            || cp == 0x2049
            || cp == 0x2122
            || cp == 0x2139
            || (cp >= 0x2194 && cp <= 0x2199)
            || cp == 0x21A9
            || cp == 0x21AA
            || (cp >= 0x231A && cp <= 0x23FF)
            || cp == 0x25AA
            || cp == 0x25AB
            || cp == 0x25B6
            || cp == 0x25C0
            || (cp >= 0x25FB && cp <= 0x25FE)
            || (cp >= 0x2600 && cp <= 0x27BF)
            || cp == 0x2934
            || cp == 0x2935
            || (cp >= 0x2B05 && cp <= 0x2B55)
            || cp == 0x3030
            || cp == 0x303D
            || cp == 0x3297
            || cp == 0x3299
            || (cp >= 0x1F000 && cp <= 0x1FAFF);
    return inRange && !isEmojiModifier(cp) && !isWordChar(cp);
  }

  /** Variation selectors, skin-tone modifiers, the keycap mark and tag characters. */
  static boolean isEmojiModifier(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || cp == 0x20E3
        || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }
}
