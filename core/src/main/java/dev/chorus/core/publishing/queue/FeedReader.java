package dev.chorus.core.publishing.queue;

import dev.chorus.core.channel.InboundItem;
import java.util.List;

/**
 * Reads a feed's entries, oldest first. The app gives the channels module's RSS and Atom reader,
 * which fetches through SafeHttp; core does not depend on it.
 */
@FunctionalInterface
public interface FeedReader {
  /**
   * @throws dev.chorus.core.channel.ChannelFailure when the feed cannot be fetched or read
   */
  List<InboundItem> read(String url);
}
