package dev.chorus.listen.language;

import java.util.Objects;

/**
 * The part of a post that says something about its language: words. Links ({@code http://}, {@code
 * https://}, {@code www.}) and @mentions are dropped whole, since they are mostly ASCII names in
 * any language; every character that is not a letter, a combining mark or an apostrophe (digits,
 * emoji, symbols, the {@code #} of a hashtag) becomes a space; runs of spaces collapse to one. Pure
 * function; safe for concurrent use.
 */
public final class LanguageEvidence {

  private LanguageEvidence() {}

  /**
   * The words of a post, space separated, without links, mentions, digits, emoji or symbols.
   *
   * @param maxChars at most this many characters of the post are examined; a few hundred are plenty
   *     to tell a language and bound the cost of a huge post
   */
  public static String extract(CharSequence post, int maxChars) {
    Objects.requireNonNull(post, "post");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive but was " + maxChars);
    }
    int end = Math.min(post.length(), maxChars);
    StringBuilder out = new StringBuilder(end);
    int i = 0;
    while (i < end) {
      int cp = Character.codePointAt(post, i);
      if (isTokenStart(post, i) && isLinkOrMention(post, i, end)) {
        while (i < end && !Character.isWhitespace(post.charAt(i))) {
          i++;
        }
        appendSpace(out);
        continue;
      }
      if (Character.isLetter(cp) || isMark(cp) || cp == '\'' || cp == '\u2019') {
        out.appendCodePoint(cp);
      } else {
        appendSpace(out);
      }
      i += Character.charCount(cp);
    }
    int length = out.length();
    if (length > 0 && out.charAt(length - 1) == ' ') {
      out.setLength(length - 1);
    }
    return out.toString();
  }

  /** The number of letters in a text, counting code points. */
  public static int letterCount(CharSequence text) {
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      if (Character.isLetter(cp)) {
        letters++;
      }
      i += Character.charCount(cp);
    }
    return letters;
  }

  private static boolean isTokenStart(CharSequence s, int i) {
    return i == 0 || Character.isWhitespace(s.charAt(i - 1));
  }

  private static boolean isLinkOrMention(CharSequence s, int i, int end) {
    char c = s.charAt(i);
    if (c == '@') {
      return i + 1 < end && !Character.isWhitespace(s.charAt(i + 1));
    }
    return startsWithIgnoreCase(s, i, end, "http://")
        || startsWithIgnoreCase(s, i, end, "https://")
        || startsWithIgnoreCase(s, i, end, "www.");
  }

  private static boolean startsWithIgnoreCase(CharSequence s, int i, int end, String prefix) {
    if (end - i < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void appendSpace(StringBuilder out) {
    int length = out.length();
    if (length > 0 && out.charAt(length - 1) != ' ') {
      out.append(' ');
    }
  }
}
