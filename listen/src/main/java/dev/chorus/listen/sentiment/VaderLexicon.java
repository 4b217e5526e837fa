package dev.chorus.listen.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * VADER's word lexicon (token to mean valence, -4 to +4) and emoji lexicon (emoji to an English
 * description that is then scored as words). Immutable and safe to share between threads.
 *
 * <p>Files are read the way vaderSentiment reads them: one entry per line, fields separated by
 * tabs, the first two fields used, a later duplicate replacing an earlier one. Only emoji keys of
 * exactly one code point are kept, because VADER replaces emoji one code point at a time and so can
 * never match a longer key (such as one with a variation selector).
 */
public final class VaderLexicon {

  private static final String WORDS_RESOURCE = "vader_lexicon.txt";
  private static final String EMOJI_RESOURCE = "emoji_utf8_lexicon.txt";

  private final Map<String, Double> valences;
  private final Map<Integer, String> emojiDescriptions;
  private final BitSet emojiCodePoints;

  private VaderLexicon(Map<String, Double> valences, Map<Integer, String> emojiDescriptions) {
    this.valences = valences;
    this.emojiDescriptions = emojiDescriptions;
    this.emojiCodePoints = new BitSet();
    emojiDescriptions.keySet().forEach(emojiCodePoints::set);
  }

  /**
   * The lexicons shipped in this package (vaderSentiment's, copied unchanged, MIT licence). Reads
   * about 0.5 MB of classpath resources; call once and share the result.
   *
   * @throws IllegalStateException if a resource is missing from the classpath
   * @throws UncheckedIOException if a resource cannot be read
   */
  public static VaderLexicon bundled() {
    return parse(resource(WORDS_RESOURCE), resource(EMOJI_RESOURCE));
  }

  /**
   * Lexicons from the text of the two files.
   *
   * @param wordLexicon lines of {@code TOKEN<TAB>MEAN[<TAB>...]}
   * @param emojiLexicon lines of {@code EMOJI<TAB>DESCRIPTION}
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public static VaderLexicon parse(String wordLexicon, String emojiLexicon) {
    Objects.requireNonNull(wordLexicon, "wordLexicon");
    Objects.requireNonNull(emojiLexicon, "emojiLexicon");
    Map<String, Double> valences = new HashMap<>();
    forEachEntry(
        "word lexicon",
        wordLexicon,
        (line, key, value) -> {
          try {
            valences.put(key, Double.parseDouble(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "word lexicon line " + line + ": mean \"" + value + "\" is not a number", e);
          }
        });
    Map<Integer, String> emoji = new HashMap<>();
    forEachEntry(
        "emoji lexicon",
        emojiLexicon,
        (line, key, value) -> {
          if (key.codePointCount(0, key.length()) == 1) {
            emoji.put(key.codePointAt(0), value);
          }
        });
    return new VaderLexicon(Map.copyOf(valences), Map.copyOf(emoji));
  }

  /** Number of distinct tokens in the word lexicon. */
  public int wordCount() {
    return valences.size();
  }

  /** Number of single-code-point emoji with a description. */
  public int emojiCount() {
    return emojiDescriptions.size();
  }

  /** The valence of a lower-cased token, or NaN when the token is not in the lexicon. */
  double valence(String lowerToken) {
    Double value = valences.get(lowerToken);
    return value == null ? Double.NaN : value;
  }

  /** The description of an emoji code point, or null when it has none. */
  String emojiDescription(int codePoint) {
    return codePoint >= 0 && emojiCodePoints.get(codePoint)
        ? emojiDescriptions.get(codePoint)
        : null;
  }

  private interface EntryConsumer {
    void accept(int line, String key, String value);
  }

  private static void forEachEntry(String file, String text, EntryConsumer consumer) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = PyText.strip(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": expected two tab-separated fields but found one");
      }
      int next = line.indexOf('\t', tab + 1);
      String value = next < 0 ? line.substring(tab + 1) : line.substring(tab + 1, next);
      consumer.accept(i + 1, line.substring(0, tab), value);
    }
  }

  private static String resource(String name) {
    try (InputStream in = VaderLexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource dev/chorus/listen/sentiment/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }
}
