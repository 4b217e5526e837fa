package dev.chorus.core.channel;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A connector that pushes what a source hears as it happens (a WebSocket stream): Mastodon's user
 * and hashtag streams, Bluesky's Jetstream firehose.
 */
public interface StreamsSources extends Connector {
  /** The kinds of source {@link #stream} takes. */
  Set<Source.Kind> streamableSources();

  /**
   * Starts streaming {@code source} from {@code cursor} (null: now), reconnecting by itself after
   * failures. {@code onItem} and {@code onCursor} are called from one thread at a time, in order; a
   * cursor is reported only after the items before it were handed over.
   *
   * @return a handle that stops the stream
   */
  AutoCloseable stream(
      Source source, String cursor, Consumer<InboundItem> onItem, Consumer<String> onCursor);
}
