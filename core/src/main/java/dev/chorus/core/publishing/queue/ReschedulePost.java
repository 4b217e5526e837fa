package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Moves a scheduled post to another time: in one transaction, the post's due time and every
 * delivery still waiting for its first attempt. A delivery being published, sent, failed, held or
 * waiting for a retry is never touched (a retry keeps its place so the network can still recognise
 * the attempt); a post with none left waiting cannot be moved.
 */
public final class ReschedulePost {
  /**
   * What moved: how many deliveries, and how many stayed because they were already on their way.
   */
  public record Moved(PostId post, Instant dueAt, int moved, int stayed) {}

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final Runnable onScheduled;

  public ReschedulePost(Database db, AuditLog audit, Clock clock, Runnable onScheduled) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.onScheduled = onScheduled;
  }

  /**
   * Moves {@code post} to {@code dueAt} (editors and above).
   *
   * @throws Invalid on "due_at" when the time is not in the future
   * @throws NotFound when the post is not the workspace's
   * @throws Conflict when none of its deliveries is still waiting
   */
  public Moved reschedule(Actor actor, PostId post, Instant dueAt) {
    actor.require(Role.EDITOR, "reschedule posts");
    Objects.requireNonNull(dueAt, "dueAt");
    Instant now = clock.instant();
    if (!dueAt.isAfter(now)) {
      throw new Invalid("due_at", "that time is in the past: choose a time after now");
    }
    Moved m =
        db.inTransaction(
            h -> {
              String status =
                  h.createQuery("SELECT status FROM posts WHERE id = :id AND workspace_id = :ws")
                      .bind("id", post.value())
                      .bind("ws", actor.workspace().id().value())
                      .mapTo(String.class)
                      .findOne()
                      .orElseThrow(() -> new NotFound("no such post"));
              int moved =
                  h.createUpdate(
                          "UPDATE deliveries SET due_at = :due, claimable_at = :due WHERE post_id"
                              + " = :id AND status = 'scheduled' AND attempts = 0")
                      .bind("due", dueAt.toEpochMilli())
                      .bind("id", post.value())
                      .execute();
              if (moved == 0) {
                throw new Conflict(
                    "draft".equals(status)
                        ? "This post is a draft: schedule it from the composer."
                        : "This post is no longer waiting: it is being published or was sent, so"
                            + " it cannot be moved.");
              }
              int stayed =
                  h.createQuery(
                          "SELECT COUNT(*) FROM deliveries WHERE post_id = :id AND NOT (status ="
                              + " 'scheduled' AND attempts = 0)")
                      .bind("id", post.value())
                      .mapTo(Integer.class)
                      .one();
              h.createUpdate("UPDATE posts SET due_at = :due, updated_at = :now WHERE id = :id")
                  .bind("due", dueAt.toEpochMilli())
                  .bind("now", now.toEpochMilli())
                  .bind("id", post.value())
                  .execute();
              h.createUpdate("UPDATE series_posts SET due_at = :due WHERE post_id = :id")
                  .bind("due", dueAt.toEpochMilli())
                  .bind("id", post.value())
                  .execute();
              audit.record(
                  h,
                  actor.workspace().id(),
                  actor.who(),
                  "post.rescheduled",
                  "post:" + post.value(),
                  dueAt + (stayed > 0 ? " (" + stayed + " delivery already on its way)" : ""));
              return new Moved(post, dueAt, moved, stayed);
            });
    onScheduled.run();
    return m;
  }
}
