package dev.chorus.listen.text;

import java.util.List;
import java.util.Objects;

/**
 * A text after analysis.
 *
 * @param text the text the offsets refer to (HTML tags stripped and entities decoded)
 * @param tokens tokens in text order
 * @param urls normalised URLs found in the text (see {@link Urls#normalize(CharSequence, int,
 *     int)})
 */
public record AnalyzedText(String text, List<Token> tokens, List<String> urls) {
  public AnalyzedText {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    urls = List.copyOf(urls);
  }
}
