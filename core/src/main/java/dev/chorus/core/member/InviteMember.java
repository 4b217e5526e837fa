package dev.chorus.core.member;

import dev.chorus.core.Ids;
import dev.chorus.core.account.AccountRules;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;

/** Invites someone to a workspace by an expiring link. */
public final class InviteMember {
  public static final Duration VALID_FOR = Duration.ofDays(7);

  /** The invitation and the secret for its link, which is shown only now. */
  public record Issued(Invitation invitation, String secret) {}

  private final Database db;
  private final InvitationStore invitations;
  private final MemberStore members;
  private final dev.chorus.core.account.UserStore users;
  private final AuditLog audit;
  private final Ids ids;
  private final Clock clock;

  public InviteMember(
      Database db,
      InvitationStore invitations,
      MemberStore members,
      dev.chorus.core.account.UserStore users,
      AuditLog audit,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.members = members;
    this.users = users;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Invites {@code email} as {@code role}. Admins invite up to admin; only owners invite owners.
   *
   * @throws NotPermitted when the actor may not invite, or not with this role
   * @throws Conflict when that person is already a member
   */
  public Issued invite(Actor actor, String email, Role role) {
    actor.require(Role.ADMIN, "invite members");
    String e = AccountRules.email("email", email);
    if (role == Role.OWNER && actor.role() != Role.OWNER) {
      throw new NotPermitted("Only owners can invite another owner.");
    }
    String secret = Tokens.random("inv_", 24);
    var now = clock.instant();
    return db.inTransaction(
        h -> {
          var existing = users.byEmail(h, e);
          if (existing.isPresent()
              && members.roleOf(h, actor.workspace().id(), existing.get().id()).isPresent()) {
            throw new Conflict(e + " is already a member of " + actor.workspace().name() + ".");
          }
          Invitation inv =
              new Invitation(
                  ids.next(),
                  actor.workspace().id(),
                  e,
                  role,
                  actor.user().displayName(),
                  now,
                  now.plus(VALID_FOR),
                  null,
                  null);
          invitations.insert(h, inv, Tokens.hash(secret), actor.user().id().value());
          audit.record(
              h, actor.workspace().id(), actor.who(), "member.invited", e, "as " + role.key());
          return new Issued(inv, secret);
        });
  }
}
