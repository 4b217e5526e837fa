package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import java.util.List;
import java.util.Objects;

/**
 * What one source of a channel heard in one read, and where its next read starts. The cursor is
 * stored in the same transaction as the items, never before.
 *
 * @param source the source within the channel ("" for its main read, such as notifications)
 * @param cursor the cursor after these items, or null to leave the stored one as it is
 */
public record Heard(Channel channel, String source, List<InboundItem> items, String cursor) {
  public Heard {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(source, "source");
    items = List.copyOf(items);
  }
}
