package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;

/** Decides an item's mode and whether it asks a question (the rules are in docs/MODES.md). */
public interface ItemModes {
  Verdict classify(Channel channel, InboundItem item, double sentiment);

  /**
   * @param mode conversation, advocacy or mention
   * @param rule the rule that decided, shown to the team as the reason
   */
  record Verdict(String mode, boolean question, String rule) {}
}
