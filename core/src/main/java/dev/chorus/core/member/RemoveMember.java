package dev.chorus.core.member;

import dev.chorus.core.account.UserId;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Removes a member from a workspace, or lets a member leave. */
public final class RemoveMember {
  private final Database db;
  private final MemberStore members;
  private final AuditLog audit;
  private final Clock clock;

  public RemoveMember(Database db, MemberStore members, AuditLog audit, Clock clock) {
    this.db = db;
    this.members = members;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Removes {@code target}. Admins remove members below owner; owners remove anyone; anyone may
   * remove themselves. The last owner cannot be removed.
   *
   * @throws NotFound when the target is not a member of the actor's workspace
   * @throws Conflict when the target is the last owner
   */
  public void remove(Actor actor, UserId target) {
    boolean self = actor.user().id().equals(target);
    if (!self) actor.require(Role.ADMIN, "remove members");
    db.inTransaction(
        h -> {
          var ws = actor.workspace().id();
          Member m =
              members
                  .find(h, ws, target)
                  .orElseThrow(() -> new NotFound("That person is not a member here."));
          if (!self && m.role() == Role.OWNER && actor.role() != Role.OWNER) {
            throw new NotPermitted("Only owners can remove an owner.");
          }
          if (m.role() == Role.OWNER && members.owners(h, ws) <= 1) {
            throw new Conflict(
                "The last owner cannot be removed: make someone else an owner first.");
          }
          members.remove(h, ws, target);
          // Their tokens for this workspace stop working with their membership.
          h.createUpdate(
                  "UPDATE api_tokens SET revoked_at = :now WHERE workspace_id = :ws AND user_id ="
                      + " :u AND revoked_at IS NULL")
              .bind("now", clock.millis())
              .bind("ws", ws.value())
              .bind("u", target.value())
              .execute();
          audit.record(
              h, ws, actor.who(), self ? "member.left" : "member.removed", m.user().email(), null);
          return null;
        });
  }
}
