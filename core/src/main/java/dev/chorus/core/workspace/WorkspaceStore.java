package dev.chorus.core.workspace;

import dev.chorus.core.account.UserId;
import dev.chorus.core.member.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for workspaces. */
public final class WorkspaceStore {
  static final RowMapper<Workspace> WORKSPACE =
      (rs, ctx) ->
          new Workspace(
              new WorkspaceId(rs.getString("id")),
              rs.getString("slug"),
              rs.getString("name"),
              Instant.ofEpochMilli(rs.getLong("created_at")));

  /** A workspace the user belongs to, with the user's role in it. */
  public record Joined(Workspace workspace, Role role) {}

  public void insert(Handle h, Workspace w) {
    h.createUpdate(
            "INSERT INTO workspaces (id, slug, name, created_at) VALUES (:id, :slug, :name, :at)")
        .bind("id", w.id().value())
        .bind("slug", w.slug())
        .bind("name", w.name())
        .bind("at", w.createdAt().toEpochMilli())
        .execute();
  }

  public Optional<Workspace> bySlug(Handle h, String slug) {
    return h.createQuery("SELECT * FROM workspaces WHERE slug = :slug")
        .bind("slug", slug)
        .map(WORKSPACE)
        .findOne();
  }

  public Optional<Workspace> byId(Handle h, WorkspaceId id) {
    return h.createQuery("SELECT * FROM workspaces WHERE id = :id")
        .bind("id", id.value())
        .map(WORKSPACE)
        .findOne();
  }

  /** The workspaces {@code user} belongs to, by name. */
  public List<Joined> joinedBy(Handle h, UserId user) {
    return h.createQuery(
            "SELECT w.*, m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id"
                + " WHERE m.user_id = :user ORDER BY LOWER(w.name), w.id")
        .bind("user", user.value())
        .map(
            (rs, ctx) ->
                new Joined(WORKSPACE.map(rs, ctx), Role.parse("role", rs.getString("role"))))
        .list();
  }

  public boolean slugTaken(Handle h, String slug) {
    return h.createQuery("SELECT COUNT(*) FROM workspaces WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public void rename(Handle h, WorkspaceId id, String name) {
    h.createUpdate("UPDATE workspaces SET name = :name WHERE id = :id")
        .bind("name", name)
        .bind("id", id.value())
        .execute();
  }
}
