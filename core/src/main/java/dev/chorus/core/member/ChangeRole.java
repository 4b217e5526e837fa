package dev.chorus.core.member;

import dev.chorus.core.account.UserId;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.store.Database;

/** Changes a member's role. A workspace always keeps at least one owner. */
public final class ChangeRole {
  private final Database db;
  private final MemberStore members;
  private final AuditLog audit;

  public ChangeRole(Database db, MemberStore members, AuditLog audit) {
    this.db = db;
    this.members = members;
    this.audit = audit;
  }

  /**
   * Gives {@code target} the role {@code role}. Admins manage roles below owner; only owners make
   * or unmake owners.
   *
   * @throws NotFound when the target is not a member of the actor's workspace
   * @throws Conflict when this would leave the workspace without an owner
   */
  public Member change(Actor actor, UserId target, Role role) {
    actor.require(Role.ADMIN, "change roles");
    return db.inTransaction(
        h -> {
          var ws = actor.workspace().id();
          Member m =
              members
                  .find(h, ws, target)
                  .orElseThrow(() -> new NotFound("That person is not a member here."));
          if ((m.role() == Role.OWNER || role == Role.OWNER) && actor.role() != Role.OWNER) {
            throw new NotPermitted("Only owners can make someone an owner or change an owner.");
          }
          if (m.role() == role) return m;
          if (m.role() == Role.OWNER && members.owners(h, ws) <= 1) {
            throw new Conflict(
                "A workspace needs at least one owner: make someone else an owner first.");
          }
          members.setRole(h, ws, target, role);
          audit.record(
              h,
              ws,
              actor.who(),
              "member.role_changed",
              m.user().email(),
              m.role().key() + " → " + role.key());
          return new Member(m.user(), role, m.joinedAt());
        });
  }
}
