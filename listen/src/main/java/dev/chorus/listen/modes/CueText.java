package dev.chorus.listen.modes;

import dev.chorus.listen.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One text made ready for cue matching: links, handles and emoji set aside, folded (lower case, no
 * accents, full-width forms as ASCII), then reduced to its words separated by single spaces and
 * padded with a space at each end, so a cue matches whole words only. Its sentences are kept too,
 * each with how it ended, for interrogative openers.
 */
final class CueText {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.@-]+");

  /**
   * A clause (a sentence, or the part of one after a comma or colon): its words padded as {@link
   * #padded()}, and whether its sentence ended with "!".
   */
  record Sentence(String words, boolean exclaims) {}

  private final String folded;
  private final String padded;
  private final List<Sentence> sentences;

  private CueText(String folded, String padded, List<Sentence> sentences) {
    this.folded = folded;
    this.padded = padded;
    this.sentences = sentences;
  }

  static CueText of(String text) {
    String plain = HANDLE.matcher(URL.matcher(apostrophes(text)).replaceAll(" ")).replaceAll(" ");
    String folded = Folding.fold(plain);
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : '\n';
      // ¿ and ¡ open a sentence in Spanish; . ! ? ; and line breaks end one.
      if (c == '.'
          || c == '!'
          || c == '?'
          || c == ';'
          || c == '\n'
          || c == '\u00bf'
          || c == '\u00a1') {
        // "Hey, quick one, is it still on": a question can start after a comma or colon.
        for (String clause : folded.substring(start, i).split("[,:]")) {
          String words = words(clause);
          if (!words.isEmpty()) sentences.add(new Sentence(" " + words + " ", c == '!'));
        }
        start = i + 1;
      }
    }
    return new CueText(folded, " " + words(folded) + " ", List.copyOf(sentences));
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
