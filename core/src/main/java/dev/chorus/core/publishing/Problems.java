package dev.chorus.core.publishing;

import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import org.jdbi.v3.core.Handle;

/** What the services on failed and held deliveries say when one is not in the state they need. */
final class Problems {
  private Problems() {}

  /** Not found when the delivery is not the workspace's, else a conflict naming its state. */
  static ChorusException notInState(
      Handle h, ProblemDeliveries problems, Actor actor, DeliveryId id, String needed) {
    String status = problems.status(h, actor.workspace().id(), id).orElse(null);
    if (status == null) return new NotFound("There is no such delivery here.");
    return new Conflict(
        "This delivery is " + describe(status) + ", not " + needed + "; nothing was changed.");
  }

  private static String describe(String status) {
    switch (status) {
      case Deliveries.PUBLISHING:
        return "being sent right now";
      case Deliveries.SCHEDULED:
        return "scheduled";
      case Deliveries.PUBLISHED:
        return "already published";
      case ProblemDeliveries.CANCELLED:
        return "discarded";
      default:
        return status;
    }
  }
}
