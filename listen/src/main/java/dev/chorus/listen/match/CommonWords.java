package dev.chorus.listen.match;

import java.util.Set;

/** Words so common that they make poor anchors (English, with a few French, German and Spanish). */
final class CommonWords {

  private static final Set<String> WORDS =
      Set.of(
          "the", "a", "an", "and", "or", "but", "not", "no", "is", "are", "was", "were", "be",
          "been", "am", "i", "you", "he", "she", "it", "we", "they", "me", "my", "your", "his",
          "her", "its", "our", "their", "this", "that", "these", "those", "to", "of", "in", "on",
          "at", "for", "with", "from", "by", "as", "so", "if", "do", "does", "did", "have", "has",
          "had", "can", "will", "just", "all", "what", "when", "who", "how", "get", "got", "like",
          "love", "good", "one", "up", "out", "about", "more", "new", "now", "t", "s", "don",
          "http", "https", "www", "com", "rt", "de", "la", "le", "el", "en", "et", "un", "une",
          "der", "die", "das", "und", "ist", "que", "y", "es", "lol", "day", "today");

  private CommonWords() {}

  static boolean contains(String word) {
    return WORDS.contains(word);
  }
}
