package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import org.jdbi.v3.core.Handle;

/** Stores a source's cursor, on the transaction that stores the source's items. */
public interface CursorStore {
  void commit(Handle h, Channel channel, String source, String cursor);

  /** The channel's main read cursor ({@code channels.read_cursor}); other sources keep none. */
  static CursorStore channelCursor() {
    return (h, channel, source, cursor) -> {
      if (!source.isEmpty()) {
        throw new IllegalArgumentException("no cursor store for source " + source);
      }
      h.createUpdate("UPDATE channels SET read_cursor = :c WHERE id = :id")
          .bind("c", cursor)
          .bind("id", channel.id().value())
          .execute();
    };
  }
}
