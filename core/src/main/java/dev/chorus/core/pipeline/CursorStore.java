package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.Source;
import dev.chorus.core.channel.SourceStore;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Stores a source's cursor, on the transaction that stores the source's items. */
public interface CursorStore {
  void commit(Handle h, Channel channel, String source, String cursor);

  /**
   * Cursors where the channels keep them: mentions on the channel, every other source (hashtags,
   * searches, the firehose) in its own row, marked read successfully.
   */
  static CursorStore of(SourceStore sources, Clock clock) {
    return (h, channel, source, cursor) ->
        sources.advance(
            h,
            channel.id(),
            source.isEmpty() ? Source.MENTIONS : Source.parse(source),
            cursor,
            clock.instant());
  }
}
