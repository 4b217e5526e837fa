package dev.chorus.listen.modes;

import dev.chorus.listen.text.Folding;
import java.util.ArrayList;
import java.util.List;

/**
 * One text made ready for cue matching: links, handles and emoji set aside, folded (lower case, no
 * accents, full-width forms as ASCII), then reduced to its words separated by single spaces and
 * padded with a space at each end, so a cue matches whole words only. Its sentences are kept too,
 * each with how it ended, for interrogative openers.
 */
final class CueText {

  /**
   * A clause (a sentence, or the part of one after a comma or colon): its words padded as {@link
   * #padded()}, and the character that ended it ("!" when its sentence ended with one).
   */
  record Sentence(String words, char end) {
    boolean exclaims() {
      return end == '!';
    }
  }

  private final String folded;
  private final String padded;
  private final List<Sentence> sentences;

  private CueText(String folded, String padded, List<Sentence> sentences) {
    this.folded = folded;
    this.padded = padded;
    this.sentences = sentences;
  }

  static CueText of(String text) {
    String folded = withoutLinksAndHandles(Folding.fold(apostrophes(text)));
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : '\n';
      // ¿ and ¡ open a sentence in Spanish; . ! ? ; and line breaks end one; a question can also
      // start after a comma or colon ("Hey, quick one, is it still on").
      boolean ends =
          c == '.'
              || c == '!'
              || c == '?'
              || c == ';'
              || c == '\n'
              || c == '\u00bf'
              || c == '\u00a1';
      if (ends || c == ',' || c == ':') {
        String words = words(folded.substring(start, i));
        if (!words.isEmpty()) sentences.add(new Sentence(" " + words + " ", c));
        start = i + 1;
      }
    }
    // A clause exclaims when its sentence ends in "!".
    List<Sentence> marked = new ArrayList<>(sentences.size());
    boolean exclaims = false;
    for (int i = sentences.size() - 1; i >= 0; i--) {
      Sentence s = sentences.get(i);
      if (s.end != ',' && s.end != ':') exclaims = s.end == '!';
      marked.add(0, new Sentence(s.words, exclaims ? '!' : s.end));
    }
    return new CueText(folded, " " + words(folded) + " ", List.copyOf(marked));
  }

  /**
   * {@code folded} without links ({@code http://}, {@code https://}, {@code www.} up to the next
   * space) and handles ({@code @name}, {@code @name@host}), which are replaced by a space.
   */
  private static String withoutLinksAndHandles(String folded) {
    StringBuilder out = null;
    int n = folded.length();
    for (int i = 0; i < n; i++) {
      char c = folded.charAt(i);
      boolean wordStart = i == 0 || !isWordChar(folded.charAt(i - 1));
      int skip = i;
      if (wordStart
          && (folded.startsWith("http://", i)
              || folded.startsWith("https://", i)
              || folded.startsWith("www.", i))) {
        while (skip < n && !Character.isWhitespace(folded.charAt(skip))) skip++;
      } else if (c == '@' && wordStart) {
        skip = i + 1;
        while (skip < n) {
          char h = folded.charAt(skip);
          if (!(isWordChar(h) || h == '.' || h == '@' || h == '-')) break;
          skip++;
        }
      }
      if (skip > i) {
        if (out == null) out = new StringBuilder(n).append(folded, 0, i);
        out.append(' ');
        i = skip - 1;
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? folded : out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Typographic apostrophes as ASCII ones. */
  static String apostrophes(String s) {
    return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
  }

  /**
   * The words of folded text joined by single spaces: letters and digits, with an apostrophe kept
   * inside a word ("doesn't", "l'abonnement") and "/" kept between digits ("10/10").
   */
  static String words(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    boolean inWord = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      boolean letter = Character.isLetterOrDigit(c);
      boolean joiner =
          (c == '\'' || c == '/')
              && inWord
              && i + 1 < folded.length()
              && Character.isLetterOrDigit(folded.charAt(i + 1))
              && (c == '\'' || Character.isDigit(folded.charAt(i - 1)));
      if (letter || joiner) {
        if (!inWord && out.length() > 0) out.append(' ');
        out.append(c);
        inWord = true;
      } else {
        inWord = false;
      }
    }
    return out.toString();
  }

  /** The folded text with links and handles removed, punctuation and emoji kept. */
  String folded() {
    return folded;
  }

  /** The words, space separated, with a space at each end. */
  String padded() {
    return padded;
  }

  List<Sentence> sentences() {
    return sentences;
  }

  boolean isEmpty() {
    return padded.isBlank();
  }
}
