package dev.chorus.core.channel;

import dev.chorus.core.Ids;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * The one path by which what a channel heard is kept, whether it was read on schedule ({@link
 * PollChannel}) or streamed ({@link StreamChannels}): the items are annotated (language, sentiment,
 * saved queries) outside the transaction, then stored (deduplicated by channel and remote id)
 * together with the source's new cursor in one transaction, so a crash loses nothing and a replay
 * stores nothing twice. Kept this small on purpose: the conversation pipeline replaces it.
 * Thread-safe.
 */
public final class HeardItems {
  private final Database db;
  private final ChannelStore channels;
  private final SourceStore sources;
  private final Annotator annotator;
  private final Ids ids;
  private final Clock clock;

  public HeardItems(
      Database db,
      ChannelStore channels,
      SourceStore sources,
      Annotator annotator,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.sources = sources;
    this.annotator = annotator;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Stores {@code items} heard by {@code source} of {@code c} and then its {@code cursor}, in one
   * transaction; returns how many items were new.
   *
   * @param cursor where {@code source} reads next, covering these items; null leaves it as it is
   */
  public int accept(Channel c, Source source, List<InboundItem> items, String cursor) {
    return store(c, source, annotator.annotate(c, items), cursor);
  }

  /**
   * As {@link #accept}, but keeps only the items that match one of the workspace's enabled saved
   * queries: for the firehose, where everything else is noise.
   */
  public int acceptMatching(Channel c, Source source, List<InboundItem> items, String cursor) {
    List<ChannelStore.NewItem> matched =
        annotator.annotate(c, items).stream().filter(n -> !n.queryIds().isEmpty()).toList();
    return store(c, source, matched, cursor);
  }

  private int store(Channel c, Source source, List<ChannelStore.NewItem> items, String cursor) {
    if (items.isEmpty() && cursor == null) return 0;
    return db.inTransaction(
        h -> {
          int added = channels.storeItems(h, c, items, ids::next, clock.instant());
          if (cursor != null) sources.advance(h, c.id(), source, cursor, clock.instant());
          return added;
        });
  }
}
