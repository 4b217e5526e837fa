package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;

/** The modes of items as they arrive, by the listening engine's rules (docs/MODES.md). */
public final class ClassifyModes implements ItemModes {
  @Override
  public Verdict classify(Channel channel, InboundItem item, double sentiment) {
    boolean question =
        item.text().contains("?") || item.text().contains("？") || item.text().contains("¿");
    String kind = item.kind();
    if (kind.equals("reblog") || kind.equals("quote"))
      return new Verdict("advocacy", question, "reshare");
    boolean addressed = kind.equals("mention") || kind.equals("reply");
    if (addressed && (question || sentiment <= -0.05)) {
      return new Verdict("conversation", question, question ? "question to us" : "complaint to us");
    }
    return new Verdict("mention", question, "plain mention");
  }
}
