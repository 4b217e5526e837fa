package dev.chorus.core.publishing.approvals;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A contributor (or anyone above) submits a draft for approval, with the time they wish it out or
 * "add to the queue": the post becomes {@code pending_approval} and editors see it on the Approvals
 * page. Only a draft or a rejected post can be submitted, and a contributor submits only their own.
 */
public final class SubmitForApproval {
  private final Database db;
  private final ApprovalStore store;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public SubmitForApproval(
      Database db, ApprovalStore store, AuditLog audit, Supplier<String> ids, Clock clock) {
    this.db = db;
    this.store = store;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Submits {@code post}; returns the request's id.
   *
   * @param wishedDueAt when the author wishes it out, or null to add it to the queue
   * @param zone the IANA zone the wish was made in (kept on the post), or null
   * @param note what the author tells the reviewer, or null
   * @throws Conflict when the post is not a draft (already waiting, scheduled or sent)
   */
  public String submit(Actor actor, PostId post, Instant wishedDueAt, String zone, String note) {
    actor.require(Role.CONTRIBUTOR, "submit posts for approval");
    Instant now = clock.instant();
    if (wishedDueAt != null && wishedDueAt.isBefore(now)) {
      throw new Invalid("due_at", "the time is in the past; choose a later time");
    }
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) throw new Invalid("note", "a note has at most 2,000 characters");
    String id = ids.get();
    db.inTransaction(
        h -> {
          String[] row =
              store
                  .post(h, actor.workspace().id(), post)
                  .orElseThrow(() -> new NotFound("No such post."));
          String status = row[0];
          if (!status.equals("draft") && !status.equals("rejected")) {
            throw new Conflict(
                "The post is " + status.replace('_', ' ') + "; only a draft can be submitted.");
          }
          if (!actor.role().atLeast(Role.EDITOR) && !actor.user().id().value().equals(row[1])) {
            throw new NotPermitted("Contributors submit only their own posts.");
          }
          long channels =
              h.createQuery("SELECT COUNT(*) FROM post_variants WHERE post_id = :p")
                  .bind("p", post.value())
                  .mapTo(Long.class)
                  .one();
          if (channels == 0) throw new Invalid("channels", "choose at least one channel");
          store.insert(
              h,
              new ApprovalStore.Request(
                  id,
                  actor.workspace().id(),
                  post,
                  actor.user().id().value(),
                  now,
                  wishedDueAt,
                  "pending"));
          store.setStatus(h, post, "pending_approval", now);
          if (zone != null) {
            h.createUpdate("UPDATE posts SET time_zone = :z WHERE id = :id")
                .bind("z", zone)
                .bind("id", post.value())
                .execute();
          }
          store.comment(
              h,
              ids.get(),
              actor.workspace().id(),
              post,
              id,
              actor.user().id().value(),
              null,
              "submitted",
              text,
              now);
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "post.submitted",
              post.value(),
              wishedDueAt == null ? "for the queue" : "wished for " + wishedDueAt);
          return null;
        });
    return id;
  }
}
