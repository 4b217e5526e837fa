package dev.chorus.listen.language;

/**
 * Tells which language a post is written in. Implementations are safe for concurrent use, never
 * return null, never throw for any non-null text, and do no I/O after construction.
 */
public interface LanguageIdentifier {

  /**
   * The language of a post. Links, @mentions, hashtag signs, digits and emoji are not evidence (see
   * {@link LanguageEvidence}); a text with too little left is {@link LanguageGuess#UNDETERMINED}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  LanguageGuess identify(CharSequence text);
}
