package dev.chorus.listen.sentiment;

/**
 * The few Python {@code str} semantics VADER depends on, reproduced for Java strings: what counts
 * as whitespace for {@code split()} and {@code strip()}, {@code strip(string.punctuation)}, and
 * {@code isupper()}.
 */
final class PyText {

  private PyText() {}

  /**
   * Python's {@code str.isspace()} for one UTF-16 unit: bidirectional class WS, B or S, or category
   * Zs. All such characters are in the BMP.
   */
  static boolean isSpace(char c) {
    if (c <= 0x20) {
      return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }

  /** Python's {@code str.strip()}. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** A member of Python's {@code string.punctuation}: ASCII punctuation and symbols. */
  static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  /**
   * Python's {@code str.isupper()}: at least one cased character, and no lower-case or title-case
   * one.
   */
  static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      if (!cased && Character.isUpperCase(cp)) {
        cased = true;
      }
    }
    return cased;
  }
}
