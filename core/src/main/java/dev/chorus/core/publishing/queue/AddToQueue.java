package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Adds a post to the queue: it is scheduled at the next slot after now that all its channels share
 * and that is free on each of them (no post already due at that instant on that channel). Two
 * additions to the same channel take turns on the channel's queue lock, so they never pick the same
 * slot.
 */
public final class AddToQueue {
  /** Where the post went. */
  public record Queued(PostId post, Instant dueAt) {}

  private final Database db;
  private final QueueSlots slots;
  private final WorkspaceZone zones;
  private final SchedulePost schedule;
  private final AuditLog audit;
  private final Clock clock;

  public AddToQueue(
      Database db,
      QueueSlots slots,
      WorkspaceZone zones,
      SchedulePost schedule,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.slots = slots;
    this.zones = zones;
    this.schedule = schedule;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Queues a post with one variant per channel (editors and above).
   *
   * @throws Invalid when the channels share no slot, or none is free within a year
   */
  public Queued add(Actor actor, List<SchedulePost.Variant> variants) {
    actor.require(Role.EDITOR, "add posts to the queue");
    Queued q =
        db.inTransaction(
            h -> {
              Queued added = add(h, actor.workspace().id(), actor.user().id().value(), variants);
              audit.record(
                  h,
                  actor.workspace().id(),
                  actor.who(),
                  "post.queued",
                  "post:" + added.post().value(),
                  added.dueAt().toString());
              return added;
            });
    schedule.scheduled();
    return q;
  }

  /**
   * As above on {@code h} (the caller's transaction), for automations; the caller calls {@link
   * SchedulePost#scheduled()} after the commit.
   *
   * @param authorId the user to tell about failures, or null
   */
  public Queued add(
      Handle h, WorkspaceId ws, String authorId, List<SchedulePost.Variant> variants) {
    if (variants.isEmpty()) throw new Invalid("channels", "choose at least one channel");
    List<ChannelId> chosen = variants.stream().map(SchedulePost.Variant::channel).toList();
    lock(h, chosen);
    TreeSet<Slot> shared = slots.shared(h, ws, chosen);
    if (shared.isEmpty()) {
      throw new Invalid(
          "channels",
          chosen.size() == 1
              ? "this channel has no time slots yet: add some on the queue page"
              : "these channels share no time slot: give them a common slot on the queue page,"
                  + " or queue the post for each channel on its own");
    }
    ZoneId zone = zones.of(h, ws);
    Instant now = clock.instant();
    Instant due =
        NextSlot.after(shared, zone, now, taken(h, chosen, now))
            .orElseThrow(() -> new Invalid("channels", "every slot of the coming year is taken"));
    PostId post = schedule.schedule(h, ws, authorId, due, variants);
    h.createUpdate(
            "INSERT INTO queue_entries (post_id, workspace_id, added_at) VALUES (:p, :ws, :now)")
        .bind("p", post.value())
        .bind("ws", ws.value())
        .bind("now", now.toEpochMilli())
        .execute();
    return new Queued(post, due);
  }

  // An UPDATE takes the row locks on PostgreSQL (a second transaction waits here, then reads what
  // the first committed) and the write lock on SQLite, so the read below is never stale. One row at
  // a time in id order: two additions with overlapping channels cannot deadlock.
  private static void lock(Handle h, List<ChannelId> chosen) {
    for (String id : new TreeSet<>(chosen.stream().map(ChannelId::value).toList())) {
      h.createUpdate("UPDATE queue_locks SET version = version + 1 WHERE channel_id = :c")
          .bind("c", id)
          .execute();
    }
  }

  private static Set<Instant> taken(Handle h, List<ChannelId> chosen, Instant now) {
    return new HashSet<>(
        h.createQuery(
                "SELECT DISTINCT due_at FROM deliveries WHERE channel_id IN (<ids>) AND due_at >"
                    + " :now AND status IN ('scheduled', 'publishing', 'published', 'held')")
            .bindList("ids", chosen.stream().map(ChannelId::value).toList())
            .bind("now", now.toEpochMilli())
            .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1)))
            .list());
  }
}
