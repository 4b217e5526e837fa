package dev.chorus.core.channel;

import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every channel whose next read is due. Run by the app's scheduler every few seconds; one
 * failing channel never stops the others.
 */
public final class PollDueChannels {
  private static final Logger LOG = LoggerFactory.getLogger(PollDueChannels.class);
  private final Database db;
  private final ChannelStore channels;
  private final PollChannel poll;
  private final Clock clock;

  public PollDueChannels(Database db, ChannelStore channels, PollChannel poll, Clock clock) {
    this.db = db;
    this.channels = channels;
    this.poll = poll;
    this.clock = clock;
  }

  /** Polls up to {@code limit} due channels; returns how many were polled. */
  public int pollDue(int limit) {
    List<Channel> due = db.read(h -> channels.due(h, clock.instant(), limit));
    for (Channel c : due) {
      try {
        poll.poll(c);
      } catch (RuntimeException e) {
        // A bug in one connector, or the store failing: log it and go on with the next.
        LOG.error("polling channel {} failed unexpectedly", c.id(), e);
      }
    }
    return due.size();
  }
}
