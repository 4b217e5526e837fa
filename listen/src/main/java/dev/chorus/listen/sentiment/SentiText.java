package dev.chorus.listen.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text prepared the way VADER prepares it: each emoji code point replaced by its description,
 * split on whitespace, and ASCII punctuation stripped from both ends of a token unless that would
 * leave two code points or fewer (so emoticons such as ":)" and ":-(" survive).
 */
final class SentiText {

  /** The text after emoji replacement; exclamation and question marks are counted on it. */
  final String text;

  /** Tokens as written, after punctuation stripping. */
  final String[] words;

  /** Tokens lower-cased (Python's full lower-case mapping). */
  final String[] lower;

  /** Whether each token is ALL CAPS in Python's sense. */
  final boolean[] upper;

  /** True if some but not all tokens are ALL CAPS: only then do capitals add emphasis. */
  final boolean capDifferential;

  private SentiText(String text, String[] words) {
    this.text = text;
    this.words = words;
    int n = words.length;
    this.lower = new String[n];
    this.upper = new boolean[n];
    int upperCount = 0;
    for (int i = 0; i < n; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
      upper[i] = PyText.isUpper(words[i]);
      if (upper[i]) {
        upperCount++;
      }
    }
    int differential = n - upperCount;
    this.capDifferential = differential > 0 && differential < n;
  }

  static SentiText of(CharSequence raw, VaderLexicon lexicon) {
    String text = replaceEmoji(raw, lexicon);
    return new SentiText(text, tokens(text));
  }

  int size() {
    return words.length;
  }

  // An emoji's description is glued to what precedes it by one space unless a plain space
  // already precedes it; what follows is appended directly, as vaderSentiment does.
  private static String replaceEmoji(CharSequence raw, VaderLexicon lexicon) {
    int length = raw.length();
    StringBuilder out = null;
    boolean previousSpace = true;
    for (int i = 0; i < length; ) {
      int cp = Character.codePointAt(raw, i);
      int width = Character.charCount(cp);
      String description = lexicon.emojiDescription(cp);
      if (description != null) {
        if (out == null) {
          out = new StringBuilder(length + 32).append(raw, 0, i);
        }
        if (!previousSpace) {
          out.append(' ');
        }
        out.append(description);
        previousSpace = false;
      } else {
        if (out != null) {
          out.appendCodePoint(cp);
        }
        previousSpace = cp == ' ';
      }
      i += width;
    }
    return out == null ? raw.toString() : out.toString();
  }

  private static String[] tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int length = text.length();
    int i = 0;
    while (i < length) {
      while (i < length && PyText.isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < length && !PyText.isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(stripPunctuationIfWord(text, start, i));
      }
    }
    return tokens.toArray(new String[0]);
  }

  private static String stripPunctuationIfWord(String text, int start, int end) {
    int s = start;
    int e = end;
    while (s < e && PyText.isAsciiPunctuation(text.charAt(s))) {
      s++;
    }
    while (e > s && PyText.isAsciiPunctuation(text.charAt(e - 1))) {
      e--;
    }
    if (Character.codePointCount(text, s, e) <= 2) {
      return text.substring(start, end);
    }
    return text.substring(s, e);
  }
}
