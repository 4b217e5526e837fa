package dev.chorus.core.token;

import dev.chorus.core.account.UserId;
import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for API tokens. */
public final class TokenStore {
  static final RowMapper<ApiToken> TOKEN =
      (rs, ctx) ->
          new ApiToken(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("token_prefix"),
              TokenScope.parse("scope", rs.getString("scope")),
              instant(rs, "created_at"),
              instant(rs, "expires_at"),
              instant(rs, "last_used_at"),
              instant(rs, "revoked_at"));

  /** The owner of a token, as stored beside it. */
  public record Owner(ApiToken token, WorkspaceId workspace, UserId user) {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  public void insert(Handle h, ApiToken t, WorkspaceId ws, UserId user, String hash) {
    h.createUpdate(
            "INSERT INTO api_tokens (id, workspace_id, user_id, name, token_hash, token_prefix,"
                + " scope, created_at, expires_at) VALUES (:id, :ws, :u, :name, :hash, :prefix,"
                + " :scope, :at, :exp)")
        .bind("id", t.id())
        .bind("ws", ws.value())
        .bind("u", user.value())
        .bind("name", t.name())
        .bind("hash", hash)
        .bind("prefix", t.prefix())
        .bind("scope", t.scope().key())
        .bind("at", t.createdAt().toEpochMilli())
        .bind("exp", t.expiresAt() == null ? null : t.expiresAt().toEpochMilli())
        .execute();
  }

  public List<ApiToken> list(Handle h, WorkspaceId ws, UserId user) {
    return h.createQuery(
            "SELECT * FROM api_tokens WHERE workspace_id = :ws AND user_id = :u ORDER BY id DESC")
        .bind("ws", ws.value())
        .bind("u", user.value())
        .map(TOKEN)
        .list();
  }

  public Optional<ApiToken> find(Handle h, WorkspaceId ws, UserId user, String id) {
    return h.createQuery(
            "SELECT * FROM api_tokens WHERE workspace_id = :ws AND user_id = :u AND id = :id")
        .bind("ws", ws.value())
        .bind("u", user.value())
        .bind("id", id)
        .map(TOKEN)
        .findOne();
  }

  public Optional<Owner> byHash(Handle h, String hash) {
    return h.createQuery("SELECT * FROM api_tokens WHERE token_hash = :hash")
        .bind("hash", hash)
        .map(
            (rs, ctx) ->
                new Owner(
                    TOKEN.map(rs, ctx),
                    new WorkspaceId(rs.getString("workspace_id")),
                    new UserId(rs.getString("user_id"))))
        .findOne();
  }

  public void revoke(Handle h, String id, Instant at) {
    h.createUpdate("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
        .bind("at", at.toEpochMilli())
        .bind("id", id)
        .execute();
  }

  public void touch(Handle h, String id, Instant at) {
    h.createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
        .bind("at", at.toEpochMilli())
        .bind("id", id)
        .execute();
  }
}
