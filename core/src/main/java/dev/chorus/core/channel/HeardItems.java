package dev.chorus.core.channel;

import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.pipeline.Pipeline;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The one path by which what a channel heard is kept, whether it was read on schedule ({@link
 * PollChannel}) or streamed ({@link StreamChannels}): it hands the items and the source's new
 * cursor to the conversation pipeline and waits until both are stored (in one transaction), so a
 * crash loses nothing and a replay stores nothing twice. Thread-safe.
 */
public final class HeardItems {
  private final Pipeline pipeline;

  public HeardItems(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Stores {@code items} heard by {@code source} of {@code c} and then its {@code cursor}; returns
   * how many items were new.
   *
   * @param cursor where {@code source} reads next, covering these items; null leaves it as it is
   */
  public int accept(Channel c, Source source, List<InboundItem> items, String cursor) {
    return submit(new Heard(c, source.key(), items, cursor, false));
  }

  /**
   * As {@link #accept}, but keeps only the items that match one of the workspace's enabled saved
   * queries: for the firehose, where everything else is noise.
   */
  public int acceptMatching(Channel c, Source source, List<InboundItem> items, String cursor) {
    return submit(new Heard(c, source.key(), items, cursor, true));
  }

  private int submit(Heard heard) {
    if (heard.items().isEmpty() && heard.cursor() == null) return 0;
    try {
      return pipeline.submit(heard).join().added();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }
}
