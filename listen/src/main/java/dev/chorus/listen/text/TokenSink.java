package dev.chorus.listen.text;

/**
 * Receives the tokens of a text as {@link Tokenizer} finds them, in text order. Several tokens may
 * share a position (a hashtag gives {@code #tag} and {@code tag}); URLs take no position.
 *
 * <p>The {@code folded} buffer is reused by the tokenizer: read it before returning.
 */
public interface TokenSink {

  /**
   * One token.
   *
   * @param kind what it is
   * @param folded the folded form is {@code folded[offset..offset+length)}
   * @param offset where the folded form starts in {@code folded}
   * @param length the folded form's length
   * @param position the token's position (0, 1, 2, ...)
   * @param start offset in the text of the token's first char
   * @param end offset in the text after the token's last char; for {@link TokenKind#WORD} the
   *     unfolded word is {@code text[start..end)}
   */
  void token(
      TokenKind kind, char[] folded, int offset, int length, int position, int start, int end);

  /** A URL at {@code text[start..end)}; it takes no position. */
  void url(CharSequence text, int start, int end);
}
