package dev.chorus.core.member;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to join a workspace with a role. The link's secret is shown once, when it is made;
 * only its hash is stored.
 *
 * @param invitedBy the inviter's display name, or null when that account is gone
 * @param acceptedAt null until accepted
 * @param revokedAt null unless revoked
 */
public record Invitation(
    String id,
    WorkspaceId workspaceId,
    String email,
    Role role,
    String invitedBy,
    Instant createdAt,
    Instant expiresAt,
    Instant acceptedAt,
    Instant revokedAt) {
  public Invitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
  }

  /** pending, accepted, revoked or expired, as of {@code now}. */
  public String status(Instant now) {
    if (acceptedAt != null) return "accepted";
    if (revokedAt != null) return "revoked";
    if (!now.isBefore(expiresAt)) return "expired";
    return "pending";
  }
}
