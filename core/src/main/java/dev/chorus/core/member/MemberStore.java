package dev.chorus.core.member;

import dev.chorus.core.account.User;
import dev.chorus.core.account.UserId;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for memberships. */
public final class MemberStore {
  private static final RowMapper<Member> MEMBER =
      (rs, ctx) ->
          new Member(
              new User(
                  new UserId(rs.getString("id")),
                  rs.getString("email"),
                  rs.getString("display_name"),
                  Instant.ofEpochMilli(rs.getLong("created_at"))),
              Role.parse("role", rs.getString("role")),
              Instant.ofEpochMilli(rs.getLong("joined_at")));

  private final Clock clock;

  public MemberStore(Clock clock) {
    this.clock = clock;
  }

  public void add(Handle h, WorkspaceId ws, UserId user, Role role) {
    h.createUpdate(
            "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (:ws, :user,"
                + " :role, :at)")
        .bind("ws", ws.value())
        .bind("user", user.value())
        .bind("role", role.key())
        .bind("at", clock.millis())
        .execute();
  }

  public Optional<Role> roleOf(Handle h, WorkspaceId ws, UserId user) {
    return h.createQuery(
            "SELECT role FROM memberships WHERE workspace_id = :ws AND user_id = :user")
        .bind("ws", ws.value())
        .bind("user", user.value())
        .mapTo(String.class)
        .findOne()
        .map(r -> Role.parse("role", r));
  }

  /** Members in the order they joined; {@code afterUserId} continues a page. */
  public List<Member> list(Handle h, WorkspaceId ws, String afterUserId, int limit) {
    return h.createQuery(
            "SELECT u.*, m.role, m.created_at AS joined_at FROM memberships m JOIN users u ON u.id"
                + " = m.user_id WHERE m.workspace_id = :ws"
                + (afterUserId == null ? "" : " AND u.id > :after")
                + " ORDER BY u.id LIMIT :n")
        .bind("ws", ws.value())
        .bind("after", afterUserId)
        .bind("n", limit)
        .map(MEMBER)
        .list();
  }

  public Optional<Member> find(Handle h, WorkspaceId ws, UserId user) {
    return h.createQuery(
            "SELECT u.*, m.role, m.created_at AS joined_at FROM memberships m JOIN users u ON u.id"
                + " = m.user_id WHERE m.workspace_id = :ws AND m.user_id = :user")
        .bind("ws", ws.value())
        .bind("user", user.value())
        .map(MEMBER)
        .findOne();
  }

  public int count(Handle h, WorkspaceId ws) {
    return h.createQuery("SELECT COUNT(*) FROM memberships WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .mapTo(Integer.class)
        .one();
  }

  public int owners(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT COUNT(*) FROM memberships WHERE workspace_id = :ws AND role = 'owner'")
        .bind("ws", ws.value())
        .mapTo(Integer.class)
        .one();
  }

  public void setRole(Handle h, WorkspaceId ws, UserId user, Role role) {
    h.createUpdate("UPDATE memberships SET role = :role WHERE workspace_id = :ws AND user_id = :u")
        .bind("role", role.key())
        .bind("ws", ws.value())
        .bind("u", user.value())
        .execute();
  }

  public void remove(Handle h, WorkspaceId ws, UserId user) {
    h.createUpdate("DELETE FROM memberships WHERE workspace_id = :ws AND user_id = :u")
        .bind("ws", ws.value())
        .bind("u", user.value())
        .execute();
  }
}
