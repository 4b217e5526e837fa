package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.listen.modes.Author;
import dev.chorus.listen.modes.ItemKind;
import dev.chorus.listen.modes.ModeClassifier;
import dev.chorus.listen.modes.ModeInput;
import dev.chorus.listen.modes.ModeVerdict;
import java.util.Set;

/**
 * The modes of items as they arrive, by the listening engine's rules ({@link ModeClassifier},
 * docs/MODES.md). What a channel's notifications bring (mentions, replies, reblogs, quotes, likes,
 * follows) is addressed to us; what listening heard elsewhere (search, hashtags, the firehose,
 * feeds, webhooks) is about us.
 */
public final class ClassifyModes implements ItemModes {
  private static final Set<ItemKind> ADDRESSED =
      Set.of(
          ItemKind.MENTION,
          ItemKind.REPLY,
          ItemKind.REBLOG,
          ItemKind.QUOTE,
          ItemKind.FAVOURITE,
          ItemKind.FOLLOW);

  private final ModeClassifier classifier = new ModeClassifier();

  @Override
  public Verdict classify(Channel channel, InboundItem item, double sentiment) {
    ItemKind kind;
    try {
      kind = ItemKind.parse(item.kind());
    } catch (IllegalArgumentException e) {
      kind = ItemKind.POST;
    }
    double s = Double.isFinite(sentiment) ? Math.max(-1, Math.min(1, sentiment)) : 0;
    ModeVerdict v =
        classifier.classify(
            new ModeInput(item.text(), kind, ADDRESSED.contains(kind), Author.OUTSIDER, s));
    return new Verdict(v.mode().key(), v.question(), v.why());
  }
}
