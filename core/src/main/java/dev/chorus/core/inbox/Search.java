package dev.chorus.core.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a user typed into a search the store runs safely: every word becomes a quoted FTS5
 * string (so operators, quotes and column filters in the input mean nothing), all words must occur,
 * and the last word also matches as a prefix, for search as you type.
 */
public final class Search {
  /** Where FTS5's unicode61 tokenizer ends a token: anything but letters, digits and marks. */
  private static final java.util.regex.Pattern TOKEN_BREAK =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  private Search() {}

  /** Lower case without accents: how both stores compare words. */
  public static String fold(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** The text PostgreSQL indexes for an item (SQLite's FTS5 folds by itself). */
  public static String document(String title, String authorHandle, String body) {
    return fold(
        (title == null ? "" : title)
            + " "
            + (authorHandle == null ? "" : authorHandle)
            + " "
            + body);
  }

  /** The PostgreSQL tsquery for {@code input}: every word, the last also as a prefix. */
  static String tsquery(String input) {
    List<String> words = tokens(fold(input));
    if (words.isEmpty()) return null;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < words.size(); k++) {
      if (k > 0) b.append(" & ");
      b.append('\'').append(words.get(k).replace("\\", "\\\\").replace("'", "''")).append('\'');
      if (k == words.size() - 1) b.append(":*");
    }
    return b.toString();
  }

  private static List<String> words(String input) {
    List<String> words = new ArrayList<>();
    for (String w : input.split("[\\s\\p{Punct}&&[^@#_'-]]+")) {
      String t = w.strip();
      if (!t.isEmpty()) words.add(t);
    }
    return words;
  }

  /** The words of {@code input} cut where the index cuts them: "cold-brew" is cold and brew. */
  private static List<String> tokens(String input) {
    List<String> tokens = new ArrayList<>();
    for (String w : words(input)) {
      for (String t : TOKEN_BREAK.split(w)) if (!t.isEmpty()) tokens.add(t);
    }
    return tokens;
  }

  /**
   * The FTS5 MATCH expression for {@code input}, or null when it holds no word. The index keeps no
   * positions (detail=none), so a word the tokenizer would split ("cold-brew", "o'brien") becomes
   * its parts, each required, rather than a phrase.
   */
  static String fts5(String input) {
    List<String> words = tokens(input);
    if (words.isEmpty()) return null;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < words.size(); k++) {
      if (k > 0) b.append(' ');
      b.append('"').append(words.get(k).replace("\"", "\"\"")).append('"');
      if (k == words.size() - 1) b.append('*');
    }
    return b.toString();
  }
}
