package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import java.util.List;
import java.util.Objects;

/**
 * What one source of a channel heard in one read, and where its next read starts. The cursor is
 * stored in the same transaction as the items, never before.
 *
 * @param source the source's key within the channel ({@code mentions}, {@code hashtag:coffee},
 *     {@code firehose}…; "" also means mentions)
 * @param cursor the cursor after these items, or null to leave the stored one as it is
 * @param onlyMatching keep only the items that match one of the workspace's saved queries (the
 *     firehose, where everything else is noise); the others are analysed and dropped
 */
public record Heard(
    Channel channel, String source, List<InboundItem> items, String cursor, boolean onlyMatching) {
  public Heard {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(source, "source");
    items = List.copyOf(items);
  }

  /** Everything heard is kept. */
  public Heard(Channel channel, String source, List<InboundItem> items, String cursor) {
    this(channel, source, items, cursor, false);
  }
}
