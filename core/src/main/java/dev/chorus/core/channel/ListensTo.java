package dev.chorus.core.channel;

import java.util.Set;

/** A connector that can read listening sources (hashtags, searches) besides its mentions. */
public interface ListensTo extends Connector {
  /** The kinds of source {@link #read} takes. */
  Set<Source.Kind> readableSources();

  /**
   * What {@code source} heard after {@code cursor} (null: the most recent), oldest first, and the
   * cursor for the next read, which the caller stores only after storing the items.
   *
   * @throws ChannelFailure when the network refuses or fails, with its reason
   */
  ReadsMentions.Batch read(Source source, String cursor);
}
