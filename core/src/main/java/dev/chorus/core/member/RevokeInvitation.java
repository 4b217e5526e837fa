package dev.chorus.core.member;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Withdraws a pending invitation so its link stops working. */
public final class RevokeInvitation {
  private final Database db;
  private final InvitationStore invitations;
  private final AuditLog audit;
  private final Clock clock;

  public RevokeInvitation(Database db, InvitationStore invitations, AuditLog audit, Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws NotFound when there is no such invitation in the actor's workspace
   * @throws Conflict when it is no longer pending
   */
  public Invitation revoke(Actor actor, String invitationId) {
    actor.require(Role.ADMIN, "withdraw invitations");
    return db.inTransaction(
        h -> {
          Invitation inv =
              invitations
                  .byId(h, actor.workspace().id(), invitationId)
                  .orElseThrow(() -> new NotFound("There is no such invitation."));
          String status = inv.status(clock.instant());
          if (!status.equals("pending")) {
            throw new Conflict("This invitation is " + status + " and cannot be withdrawn.");
          }
          invitations.markRevoked(h, inv.id(), clock.instant());
          audit.record(
              h, actor.workspace().id(), actor.who(), "invitation.revoked", inv.email(), null);
          return invitations.byId(h, actor.workspace().id(), invitationId).orElseThrow();
        });
  }
}
