package dev.chorus.listen.text;

/** What a token is; every kind lives at a position of the text it came from. */
public enum TokenKind {
  /** A folded word (also emitted for the word inside a hashtag or mention). */
  WORD,
  /** {@code #tag}, folded, with its {@code #}. */
  HASHTAG,
  /** {@code @user} or {@code @user@host}, folded, with its {@code @}. */
  MENTION,
  /** One emoji, without variation selectors or skin-tone modifiers. */
  EMOJI
}
