package dev.chorus.core.member;

import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for invitations. */
public final class InvitationStore {
  private static final String SELECT =
      "SELECT i.*, u.display_name AS inviter FROM invitations i LEFT JOIN users u ON u.id ="
          + " i.invited_by ";
  private static final RowMapper<Invitation> INVITATION =
      (rs, ctx) ->
          new Invitation(
              rs.getString("id"),
              new WorkspaceId(rs.getString("workspace_id")),
              rs.getString("email"),
              Role.parse("role", rs.getString("role")),
              rs.getString("inviter"),
              instant(rs, "created_at"),
              instant(rs, "expires_at"),
              instant(rs, "accepted_at"),
              instant(rs, "revoked_at"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  public void insert(Handle h, Invitation i, String tokenHash, String inviterId) {
    h.createUpdate(
            "INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by,"
                + " created_at, expires_at) VALUES (:id, :ws, :email, :role, :hash, :by, :at,"
                + " :exp)")
        .bind("id", i.id())
        .bind("ws", i.workspaceId().value())
        .bind("email", i.email())
        .bind("role", i.role().key())
        .bind("hash", tokenHash)
        .bind("by", inviterId)
        .bind("at", i.createdAt().toEpochMilli())
        .bind("exp", i.expiresAt().toEpochMilli())
        .execute();
  }

  public Optional<Invitation> byTokenHash(Handle h, String hash) {
    return h.createQuery(SELECT + "WHERE i.token_hash = :hash")
        .bind("hash", hash)
        .map(INVITATION)
        .findOne();
  }

  public Optional<Invitation> byId(Handle h, WorkspaceId ws, String id) {
    return h.createQuery(SELECT + "WHERE i.workspace_id = :ws AND i.id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .map(INVITATION)
        .findOne();
  }

  /** A workspace's invitations, newest first. */
  public List<Invitation> list(Handle h, WorkspaceId ws, String beforeId, int limit) {
    return h.createQuery(
            SELECT
                + "WHERE i.workspace_id = :ws"
                + (beforeId == null ? "" : " AND i.id < :before")
                + " ORDER BY i.id DESC LIMIT :n")
        .bind("ws", ws.value())
        .bind("before", beforeId)
        .bind("n", limit)
        .map(INVITATION)
        .list();
  }

  public void markAccepted(Handle h, String id, String userId, Instant at) {
    h.createUpdate("UPDATE invitations SET accepted_at = :at, accepted_by = :u WHERE id = :id")
        .bind("at", at.toEpochMilli())
        .bind("u", userId)
        .bind("id", id)
        .execute();
  }

  public void markRevoked(Handle h, String id, Instant at) {
    h.createUpdate("UPDATE invitations SET revoked_at = :at WHERE id = :id")
        .bind("at", at.toEpochMilli())
        .bind("id", id)
        .execute();
  }
}
