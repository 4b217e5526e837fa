package dev.chorus.core.channel;

import java.util.List;

/**
 * What runs over items before they are stored: the listening engine (language, sentiment, saved
 * query matches). Implemented by {@code listening.AnnotateItems}; an interface here so channels do
 * not depend on listening.
 */
public interface Annotator {
  List<ChannelStore.NewItem> annotate(Channel channel, List<InboundItem> items);
}
