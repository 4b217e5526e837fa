package dev.chorus.listen.match;

/**
 * Matches a folded word against a wildcard pattern: {@code *} any run of code points (possibly
 * empty), {@code ?} exactly one code point. Linear-time greedy matching with one backtrack point,
 * so {@code a*a*a*a*b} cannot blow up.
 */
final class Glob {

  private Glob() {}

  static boolean matches(String pattern, char[] text, int offset, int length) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    int pn = pattern.length();
    while (t < length) {
      if (p < pn) {
        char c = pattern.charAt(p);
        if (c == '?') {
          t += charCount(text, offset, t, length);
          p++;
          continue;
        }
        if (c == '*') {
          starP = p++;
          starT = t;
          continue;
        }
        if (c == text[offset + t]) {
          p++;
          t++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      starT += charCount(text, offset, starT, length);
      t = starT;
    }
    while (p < pn && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pn;
  }

  private static int charCount(char[] text, int offset, int t, int length) {
    return Character.isHighSurrogate(text[offset + t])
            && t + 1 < length
            && Character.isLowSurrogate(text[offset + t + 1])
        ? 2
        : 1;
  }
}
