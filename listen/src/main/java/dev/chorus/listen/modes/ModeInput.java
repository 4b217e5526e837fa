package dev.chorus.listen.modes;

import java.util.Objects;

/**
 * What the classifier looks at for one item.
 *
 * @param text the item's plain text; empty for boosts, likes and follows
 * @param addressesUs true when the item is said to the brand's account: it mentions us, replies to
 *     one of our posts, quotes or boosts one of our posts (the channels' notifications are all of
 *     this kind); false for what listening heard about us elsewhere
 * @param sentiment the VADER compound of the text in [-1, 1] ({@code
 *     listen.sentiment.SentimentScorer}), 0 when unknown
 */
public record ModeInput(
    String text, ItemKind kind, boolean addressesUs, Author author, double sentiment) {
  public ModeInput {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(author, "author");
    if (!(sentiment >= -1 && sentiment <= 1)) {
      throw new IllegalArgumentException("sentiment must be in [-1, 1], was " + sentiment);
    }
  }
}
