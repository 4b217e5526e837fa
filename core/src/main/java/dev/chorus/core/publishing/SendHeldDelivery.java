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
 * Sends a held delivery now (editors and above): one that fell due while Chorus was not running in
 * a workspace that holds such posts. It was never tried, so its key is fresh.
 */
public final class SendHeldDelivery {
  private final Database db;
  private final ProblemDeliveries problems;
  private final Deliveries deliveries;
  private final AuditLog audit;
  private final Clock clock;
  private final Runnable wake;

  public SendHeldDelivery(
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
   * @throws Conflict when it is not held (any more)
   */
  public void send(Actor actor, DeliveryId id) {
    actor.require(Role.EDITOR, "send held posts");
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          DeliveryProblem p =
              problems
                  .find(h, actor.workspace().id(), id, now)
                  .filter(DeliveryProblem::held)
                  .orElseThrow(() -> Problems.notInState(h, problems, actor, id, "held"));
          if (!problems.release(h, actor.workspace().id(), id, now)) {
            throw Problems.notInState(h, problems, actor, id, "held");
          }
          deliveries.settle(h, p.postId(), now);
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "post.delivery_released",
              p.postId().value(),
              p.channelName() + ": due " + p.dueAt() + ", sent now");
          return null;
        });
    wake.run();
  }
}
