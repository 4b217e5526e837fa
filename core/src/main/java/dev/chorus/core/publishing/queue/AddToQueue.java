package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.ScheduleDraft;
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
    Instant now = clock.instant();
    Instant due = next(h, ws, chosen, now);
    PostId post = schedule.schedule(h, ws, authorId, due, variants);
    h.createUpdate(
            "INSERT INTO queue_entries (post_id, workspace_id, added_at) VALUES (:p, :ws, :now)")
        .bind("p", post.value())
        .bind("ws", ws.value())
        .bind("now", now.toEpochMilli())
        .execute();
    return new Queued(post, due);
  }

  /**
   * Queues the composer's draft {@code post} (editors and above): the slot is reserved under the
   * channels' lock (the draft takes its due time and a queue entry, so a concurrent addition skips
   * it), then {@code scheduleDraft} validates and schedules it there; if that refuses, the
   * reservation is released and the refusal thrown.
   *
   * @throws NotFound when the post is not the workspace's
   * @throws Conflict when it is no longer a draft
   */
  public Queued addDraft(Actor actor, PostId post, ScheduleDraft scheduleDraft) {
    return addDraft(actor, post, scheduleDraft, h -> {});
  }

  /** As above; {@code alsoInTransaction} runs in the transaction that schedules the post. */
  public Queued addDraft(
      Actor actor,
      PostId post,
      ScheduleDraft scheduleDraft,
      java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {
    actor.require(Role.EDITOR, "add posts to the queue");
    WorkspaceId ws = actor.workspace().id();
    Instant now = clock.instant();
    Instant[] due = new Instant[1];
    ZoneId zone =
        db.inTransaction(
            h -> {
              String status =
                  h.createQuery("SELECT status FROM posts WHERE id = :id AND workspace_id = :ws")
                      .bind("id", post.value())
                      .bind("ws", ws.value())
                      .mapTo(String.class)
                      .findOne()
                      .orElseThrow(() -> new NotFound("No such post."));
              if (!DRAFTS.contains(status)) {
                throw new Conflict("The post is no longer a draft; reload it.");
              }
              List<ChannelId> chosen =
                  h.createQuery(
                          "SELECT channel_id FROM post_variants WHERE post_id = :p ORDER BY"
                              + " position")
                      .bind("p", post.value())
                      .map((rs, ctx) -> new ChannelId(rs.getString(1)))
                      .list();
              if (chosen.isEmpty()) throw new Invalid("channels", "choose at least one channel");
              due[0] = next(h, ws, chosen, now);
              h.createUpdate("UPDATE posts SET due_at = :due, updated_at = :now WHERE id = :id")
                  .bind("due", due[0].toEpochMilli())
                  .bind("now", now.toEpochMilli())
                  .bind("id", post.value())
                  .execute();
              h.createUpdate("DELETE FROM queue_entries WHERE post_id = :p")
                  .bind("p", post.value())
                  .execute();
              h.createUpdate(
                      "INSERT INTO queue_entries (post_id, workspace_id, added_at) VALUES (:p,"
                          + " :ws, :now)")
                  .bind("p", post.value())
                  .bind("ws", ws.value())
                  .bind("now", now.toEpochMilli())
                  .execute();
              return zones.of(h, ws);
            });
    try {
      scheduleDraft.schedule(actor, post, due[0], zone.getId(), alsoInTransaction);
    } catch (RuntimeException e) {
      db.inTransaction(
          h -> {
            h.createUpdate("DELETE FROM queue_entries WHERE post_id = :p")
                .bind("p", post.value())
                .execute();
            return h.createUpdate(
                    "UPDATE posts SET due_at = NULL WHERE id = :id AND status IN (<s>)")
                .bind("id", post.value())
                .bindList("s", DRAFTS)
                .execute();
          });
      throw e;
    }
    return new Queued(post, due[0]);
  }

  private static final List<String> DRAFTS = List.of("draft", "pending_approval", "rejected");

  private Instant next(Handle h, WorkspaceId ws, List<ChannelId> chosen, Instant now) {
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
    return NextSlot.after(shared, zones.of(h, ws), now, taken(h, chosen, now))
        .orElseThrow(() -> new Invalid("channels", "every slot of the coming year is taken"));
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

  // Taken: a delivery due there on one of the channels, or a draft reserved there by addDraft.
  private static Set<Instant> taken(Handle h, List<ChannelId> chosen, Instant now) {
    List<String> ids = chosen.stream().map(ChannelId::value).toList();
    Set<Instant> out =
        new HashSet<>(
            h.createQuery(
                    "SELECT DISTINCT due_at FROM deliveries WHERE channel_id IN (<ids>) AND due_at"
                        + " > :now AND status IN ('scheduled', 'publishing', 'published', 'held')")
                .bindList("ids", ids)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1)))
                .list());
    out.addAll(
        h.createQuery(
                "SELECT DISTINCT p.due_at FROM queue_entries q JOIN posts p ON p.id = q.post_id"
                    + " JOIN post_variants v ON v.post_id = p.id WHERE p.status IN (<s>) AND"
                    + " p.due_at > :now AND v.channel_id IN (<ids>)")
            .bindList("s", DRAFTS)
            .bindList("ids", ids)
            .bind("now", now.toEpochMilli())
            .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1)))
            .list());
    return out;
  }
}
