package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The queue and calendar's services, built together (wiring, not behaviour). The feed poller is
 * built by the app with its feed reader: {@link #pollFeeds(FeedReader)}.
 */
public final class Queue {
  public final WorkspaceZone zones;
  public final QueueSlots slots;
  public final AddToQueue addToQueue;
  public final ReschedulePost reschedule;
  public final CalendarPosts calendar;
  public final PostSeries series;
  public final FireSeries fireSeries;
  public final ImportPosts importPosts;
  public final FeedAutomations feeds;

  private final Database db;
  private final SchedulePost schedule;
  private final Clock clock;
  private final Supplier<String> ids;

  public Queue(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      SchedulePost schedule,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock,
      Runnable onScheduled) {
    this.db = db;
    this.schedule = schedule;
    this.clock = clock;
    this.ids = ids;
    this.zones = new WorkspaceZone(db, audit, clock);
    this.slots = new QueueSlots(db, channels, audit, ids);
    this.addToQueue = new AddToQueue(db, slots, zones, schedule, audit, clock);
    this.reschedule = new ReschedulePost(db, audit, clock, onScheduled);
    this.calendar = new CalendarPosts();
    this.series = new PostSeries(db, channels, audit, ids, clock);
    this.fireSeries = new FireSeries(db, series, zones, schedule, clock);
    this.importPosts =
        new ImportPosts(db, channels, secrets, connectors, zones, schedule, audit, clock);
    this.feeds = new FeedAutomations(db, channels, audit, ids, clock);
  }

  /** The feed poller that reads with {@code reader}. */
  public PollFeedAutomations pollFeeds(FeedReader reader) {
    return new PollFeedAutomations(db, feeds, addToQueue, schedule, reader, ids, clock);
  }
}
