package dev.chorus.core.member;

import dev.chorus.core.account.User;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Reads and redeems invitation links. */
public final class AcceptInvitation {
  /** A pending invitation and the workspace it is for. */
  public record Pending(Invitation invitation, Workspace workspace) {}

  private final Database db;
  private final InvitationStore invitations;
  private final MemberStore members;
  private final WorkspaceStore workspaces;
  private final AuditLog audit;
  private final Clock clock;

  public AcceptInvitation(
      Database db,
      InvitationStore invitations,
      MemberStore members,
      WorkspaceStore workspaces,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.members = members;
    this.workspaces = workspaces;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The pending invitation for a link's secret.
   *
   * @throws NotFound when the link is unknown, used, revoked or expired, saying which
   */
  public Pending find(Handle h, String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      throw new NotFound("This invitation link is not valid.");
    }
    Invitation inv =
        invitations
            .byTokenHash(h, Tokens.hash(secret))
            .orElseThrow(() -> new NotFound("This invitation link is not valid."));
    switch (inv.status(clock.instant())) {
      case "accepted" -> throw new NotFound("This invitation has already been used.");
      case "revoked" -> throw new NotFound("This invitation was withdrawn.");
      case "expired" -> throw new NotFound("This invitation expired; ask for a new one.");
      default -> {}
    }
    Workspace w = workspaces.byId(h, inv.workspaceId()).orElseThrow();
    return new Pending(inv, w);
  }

  /** Joins {@code user} to the invitation's workspace, on the caller's transaction. */
  public Workspace accept(Handle h, String secret, User user, String ip) {
    Pending p = find(h, secret);
    if (members.roleOf(h, p.workspace().id(), user.id()).isPresent()) {
      throw new Conflict("You are already a member of " + p.workspace().name() + ".");
    }
    members.add(h, p.workspace().id(), user.id(), p.invitation().role());
    invitations.markAccepted(h, p.invitation().id(), user.id().value(), clock.instant());
    audit.record(
        h,
        p.workspace().id(),
        new AuditLog.Who(user.id().value(), user.displayName(), ip),
        "member.joined",
        user.email(),
        "as " + p.invitation().role().key());
    return p.workspace();
  }
}
