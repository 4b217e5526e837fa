package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends a failed delivery again (editors and above): it is due now, as a new round of attempts
 * (with backoff for passing failures, as the first round had), under the same idempotency key.
 *
 * <p>Why the same key: a failure is not proof that the network has nothing. A timeout or a 502 may
 * hide a post the network did store. Within Mastodon's one-hour window the old key makes such a
 * retry return that post instead of a second one, so the first attempt's time is kept and the
 * retries of this round stay inside the window. Once the window has passed ({@link
 * DeliveryProblem#keyExpired}) no key can help: the round starts a new window, and the page says
 * that a retry may post twice if an earlier attempt got through (check the channel first). A
 * failure the network answered (a 422, a 401) stored nothing, so a retry is safe either way. On
 * Bluesky the record key derives from the delivery id and never expires: a retry finds the post if
 * it is there.
 */
public final class RetryDelivery {
  private final Database db;
  private final ProblemDeliveries problems;
  private final Deliveries deliveries;
  private final AuditLog audit;
  private final Clock clock;
  private final Runnable wake;

  public RetryDelivery(
      Database db,
      ProblemDeliveries problems,
      Deliveries deliveries,
      AuditLog audit,
      Clock clock,
      Runnable wake) {
    this.db = db;
    this.problems = problems;
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
    this.wake = wake;
  }

  /**
   * @throws NotFound when the delivery is not this workspace's
   * @throws Conflict when it is not failed (any more): sending, published, held or cancelled
   */
  public void retry(Actor actor, DeliveryId id) {
    actor.require(Role.EDITOR, "send failed posts again");
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          DeliveryProblem p =
              problems
                  .find(h, actor.workspace().id(), id, now)
                  .filter(DeliveryProblem::failed)
                  .orElseThrow(() -> Problems.notInState(h, problems, actor, id, "failed"));
          Instant first = p.keyExpired() ? null : p.firstAttemptAt();
          if (!problems.retry(h, actor.workspace().id(), id, first, now)) {
            throw Problems.notInState(h, problems, actor, id, "failed");
          }
          deliveries.settle(h, p.postId(), now);
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "post.delivery_retried",
              p.postId().value(),
              p.channelName()
                  + ": after "
                  + p.attempts()
                  + (p.attempts() == 1 ? " attempt" : " attempts")
                  + " ("
                  + p.reason()
                  + ")"
                  + (p.keyExpired() ? "; the network's idempotency window had passed" : ""));
          return null;
        });
    wake.run();
  }
}
