package dev.chorus.core.channel;

import java.util.function.Consumer;

/** A connector that pushes items as they happen (a WebSocket stream). */
public interface Streams extends Connector {
  /**
   * Starts streaming from {@code cursor} (null: now), reconnecting by itself after failures.
   * Returns a handle that stops the stream.
   */
  AutoCloseable stream(String cursor, Consumer<InboundItem> onItem, Consumer<String> onCursor);
}
