package dev.chorus.core.publishing.approvals;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.ScheduleDraft;
import dev.chorus.core.publishing.queue.AddToQueue;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An editor approves a waiting post (it is scheduled at the wished time, or a new one when that has
 * passed, or added to the queue) or rejects it with a comment (it goes back to its author, who can
 * edit and submit it again). A decision names the request, not the post: a post edited since it was
 * submitted has a withdrawn request, and approving that is refused.
 */
public final class DecideApproval {
  /** How an approval came out: when the post is due. */
  public record Approved(String requestId, Instant dueAt) {}

  private final Database db;
  private final ApprovalStore store;
  private final ScheduleDraft scheduleDraft;
  private final AddToQueue queue;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public DecideApproval(
      Database db,
      ApprovalStore store,
      ScheduleDraft scheduleDraft,
      AddToQueue queue,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.scheduleDraft = scheduleDraft;
    this.queue = queue;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Approves request {@code requestId}: schedules its post at {@code dueAt}, else at the wished
   * time, else in the queue.
   *
   * @param dueAt a new time chosen by the editor, or null for the author's wish
   * @param zone the zone of {@code dueAt} (kept on the post), or null
   * @throws Invalid on {@code due_at} when the wished time has passed and no new one is given
   * @throws Conflict when the request was decided or withdrawn (the post was edited) meanwhile
   */
  public Approved approve(
      Actor actor, String requestId, Instant dueAt, String zone, String comment) {
    actor.require(Role.EDITOR, "approve posts");
    return approve(actor, requestId, dueAt, zone, comment, null);
  }

  /** As above, for a guest approving through a link an editor ({@code actor}) made. */
  Approved approve(
      Actor actor, String requestId, Instant dueAt, String zone, String comment, String guestName) {
    ApprovalStore.Request r = pending(actor, requestId);
    Instant now = clock.instant();
    String tz =
        zone != null
            ? zone
            : db.read(
                h ->
                    h.createQuery("SELECT time_zone FROM posts WHERE id = :id")
                        .bind("id", r.postId().value())
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    Instant due;
    if (dueAt != null) {
      due = dueAt;
    } else if (r.wishedDueAt() != null) {
      if (r.wishedDueAt().isBefore(now)) {
        throw new Invalid(
            "due_at",
            "the time the author asked for ("
                + r.wishedDueAt()
                + ") has passed; choose a new time to approve it");
      }
      due = r.wishedDueAt();
    } else {
      due = null;
    }
    String by = guestName == null ? actor.user().id().value() : null;
    // The decision commits with the scheduling or not at all: an edit made meanwhile withdrew
    // the request, and then nothing is scheduled.
    java.util.function.Consumer<org.jdbi.v3.core.Handle> decide =
        h -> {
          if (!store.decide(h, r.id(), "approved", by, guestName, now)) {
            throw new Conflict(
                "The post was edited or decided while you approved it; nothing was scheduled."
                    + " Reload it.");
          }
        };
    if (due == null) {
      due = queue.addDraft(actor, r.postId(), scheduleDraft, decide).dueAt();
    } else {
      scheduleDraft.schedule(actor, r.postId(), due, tz == null ? "UTC" : tz, decide);
    }
    Instant when = due;
    db.inTransaction(
        h -> {
          store.comment(
              h,
              ids.get(),
              r.workspaceId(),
              r.postId(),
              r.id(),
              by,
              guestName,
              "approved",
              comment == null ? "" : comment.strip(),
              now);
          store.notice(
              h,
              ids.get(),
              r.workspaceId(),
              r.submittedBy(),
              r.postId(),
              "approved",
              "Approved by "
                  + (guestName == null ? actor.user().displayName() : guestName + " (guest)")
                  + "; it goes out at "
                  + when
                  + ".",
              now);
          audit.record(
              h,
              r.workspaceId(),
              guestName == null
                  ? actor.who()
                  : new AuditLog.Who(null, guestName + " (guest)", null),
              "post.approved",
              r.postId().value(),
              "due " + when + (guestName == null ? "" : "; through a guest link"));
          return null;
        });
    return new Approved(r.id(), due);
  }

  /**
   * Rejects request {@code requestId} with {@code comment} (required): the post goes back to its
   * author as {@code rejected}.
   */
  public void reject(Actor actor, String requestId, String comment) {
    actor.require(Role.EDITOR, "reject posts");
    reject(actor, requestId, comment, null);
  }

  void reject(Actor actor, String requestId, String comment, String guestName) {
    String text = comment == null ? "" : comment.strip();
    if (text.isEmpty()) throw new Invalid("comment", "say what should change");
    if (text.length() > 2000)
      throw new Invalid("comment", "a comment has at most 2,000 characters");
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          ApprovalStore.Request r = pending(h, actor, requestId);
          String by = guestName == null ? actor.user().id().value() : null;
          if (!store.decide(h, r.id(), "rejected", by, guestName, now)) {
            throw new Conflict("This request was decided meanwhile; reload the page.");
          }
          store.setStatus(h, r.postId(), "rejected", now);
          store.comment(
              h,
              ids.get(),
              r.workspaceId(),
              r.postId(),
              r.id(),
              by,
              guestName,
              "rejected",
              text,
              now);
          store.notice(
              h,
              ids.get(),
              r.workspaceId(),
              r.submittedBy(),
              r.postId(),
              "rejected",
              "Sent back by "
                  + (guestName == null ? actor.user().displayName() : guestName + " (guest)")
                  + ": "
                  + text,
              now);
          audit.record(
              h,
              r.workspaceId(),
              guestName == null
                  ? actor.who()
                  : new AuditLog.Who(null, guestName + " (guest)", null),
              "post.rejected",
              r.postId().value(),
              guestName == null ? text : text + " (through a guest link)");
          return null;
        });
  }

  private ApprovalStore.Request pending(Actor actor, String requestId) {
    return db.read(h -> pending(h, actor, requestId));
  }

  private ApprovalStore.Request pending(org.jdbi.v3.core.Handle h, Actor actor, String requestId) {
    ApprovalStore.Request r =
        store
            .find(h, actor.workspace().id(), requestId)
            .orElseThrow(() -> new NotFound("No such approval request."));
    if (r.status().equals("withdrawn")) {
      throw new Conflict(
          "The post was edited after it was submitted; it must be submitted again to be approved.");
    }
    if (!r.status().equals("pending")) {
      throw new Conflict("This request was already " + r.status() + ".");
    }
    String status = store.post(h, actor.workspace().id(), r.postId()).map(p -> p[0]).orElse("gone");
    if (!status.equals("pending_approval")) {
      throw new Conflict("The post is " + status.replace('_', ' ') + "; it no longer waits.");
    }
    return r;
  }
}
