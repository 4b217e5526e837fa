package dev.chorus.listen.text;

import java.util.Objects;

/**
 * One token of an analysed text.
 *
 * @param kind what it is
 * @param text folded form, as queries compare it
 * @param raw the text as written (for {@link TokenKind#WORD}: the unfolded word; for CJK, the
 *     bigram)
 * @param position position in the text; tokens of one hashtag or mention share it
 * @param start offset of the first char in the analysed (HTML-cleaned) text
 * @param end offset after the last char
 */
public record Token(TokenKind kind, String text, String raw, int position, int start, int end) {
  public Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(raw, "raw");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("token text is empty");
    }
    if (position < 0) {
      throw new IllegalArgumentException("position is negative: " + position);
    }
  }
}
