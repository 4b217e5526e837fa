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
 * Gives up on a failed or held delivery (editors and above): its status becomes {@code cancelled},
 * it is never sent, and the audit log says who discarded it and why it had stopped. The post's
 * status follows its other deliveries ({@code cancelled} when none is left).
 */
public final class DiscardDelivery {
  private final Database db;
  private final ProblemDeliveries problems;
  private final Deliveries deliveries;
  private final AuditLog audit;
  private final Clock clock;

  public DiscardDelivery(
      Database db, ProblemDeliveries problems, Deliveries deliveries, AuditLog audit, Clock clock) {
    this.db = db;
    this.problems = problems;
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws NotFound when the delivery is not this workspace's
   * @throws Conflict when it is neither failed nor held (any more)
   */
  public void discard(Actor actor, DeliveryId id) {
    actor.require(Role.EDITOR, "discard failed or held posts");
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          DeliveryProblem p =
              problems
                  .find(h, actor.workspace().id(), id, now)
                  .orElseThrow(() -> Problems.notInState(h, problems, actor, id, "failed or held"));
          if (!problems.discard(h, actor.workspace().id(), id)) {
            throw Problems.notInState(h, problems, actor, id, "failed or held");
          }
          deliveries.settle(h, p.postId(), now);
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "post.delivery_discarded",
              p.postId().value(),
              p.channelName() + ": was " + p.status() + " (" + p.reason() + ")");
          return null;
        });
  }
}
