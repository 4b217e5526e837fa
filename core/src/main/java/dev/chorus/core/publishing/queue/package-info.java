/**
 * The queue and calendar: the workspace's time zone, weekly time slots per channel and "add to
 * queue" ({@link dev.chorus.core.publishing.queue.AddToQueue}, the next free slot the channels
 * share), the calendar's posts ({@link dev.chorus.core.publishing.queue.CalendarPosts}) and moving
 * them ({@link dev.chorus.core.publishing.queue.ReschedulePost}), recurring and evergreen series
 * ({@link dev.chorus.core.publishing.queue.PostSeries}, fired by {@link
 * dev.chorus.core.publishing.queue.FireSeries} with guards against bursts), CSV import ({@link
 * dev.chorus.core.publishing.queue.ImportPosts} over {@link
 * dev.chorus.core.publishing.queue.CsvReader}) and feeds that become posts ({@link
 * dev.chorus.core.publishing.queue.FeedAutomations}, polled by {@link
 * dev.chorus.core.publishing.queue.PollFeedAutomations}). Everything schedules through {@link
 * dev.chorus.core.publishing.SchedulePost}. {@link dev.chorus.core.publishing.queue.Queue} wires
 * them.
 */
package dev.chorus.core.publishing.queue;
