package dev.chorus.core.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a user typed into a search the store runs safely: every word becomes a quoted FTS5
 * string (so operators, quotes and column filters in the input mean nothing), all words must occur,
 * and the last word also matches as a prefix, for search as you type.
 */
public final class Search {
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
    List<String> words = words(fold(input));
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

  /** The FTS5 MATCH expression for {@code input}, or null when it holds no word. */
  static String fts5(String input) {
    List<String> words = words(input);
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
