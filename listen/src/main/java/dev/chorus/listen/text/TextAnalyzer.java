package dev.chorus.listen.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a text into tokens: HTML cleaned by {@link HtmlText}, then split by {@link Tokenizer}.
 * Queries and posts go through this same analysis, so their words meet.
 *
 * <p>Allocates a list per text: for the matcher's hot path use {@link Tokenizer} directly.
 * Stateless and thread-safe.
 */
public final class TextAnalyzer {

  private TextAnalyzer() {}

  /** Tokens and URLs of {@code text}, which may contain HTML. */
  public static AnalyzedText analyze(String text) {
    String plain = HtmlText.toPlainText(text);
    return analyzePlain(plain);
  }

  /** Tokens and URLs of {@code text}, taken as plain text (no HTML decoding). */
  public static AnalyzedText analyzePlain(String plain) {
    List<Token> tokens = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    new Tokenizer()
        .scan(
            plain,
            new TokenSink() {
              @Override
              public void token(
                  TokenKind kind,
                  char[] folded,
                  int offset,
                  int length,
                  int position,
                  int start,
                  int end) {
                String raw = plain.substring(start, end);
                tokens.add(
                    new Token(kind, new String(folded, offset, length), raw, position, start, end));
              }

              @Override
              public void url(CharSequence text, int start, int end) {
                urls.add(Urls.normalize(text, start, end));
              }
            });
    return new AnalyzedText(plain, tokens, urls);
  }
}
