package dev.chorus.core.listening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for saved queries. */
public final class QueryStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private static final RowMapper<SavedQuery> QUERY =
      (rs, ctx) ->
          new SavedQuery(
              rs.getString("id"),
              new WorkspaceId(rs.getString("workspace_id")),
              rs.getString("name"),
              rs.getString("query_text"),
              sources(rs.getString("sources")),
              instant(rs, "disabled_at"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"));

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    long v = rs.getLong(c);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static List<String> sources(String json) {
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("query sources are not JSON", e);
    }
  }

  static String json(List<String> sources) {
    try {
      return JSON.writeValueAsString(sources);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void insert(Handle h, SavedQuery q, String createdBy) {
    h.createUpdate(
            "INSERT INTO saved_queries (id, workspace_id, name, query_text, sources, created_by,"
                + " created_at, updated_at) VALUES (:id, :ws, :name, :text, :sources, :by, :at, :at)")
        .bind("id", q.id())
        .bind("ws", q.workspaceId().value())
        .bind("name", q.name())
        .bind("text", q.text())
        .bind("sources", json(q.sources()))
        .bind("by", createdBy)
        .bind("at", q.createdAt().toEpochMilli())
        .execute();
  }

  public void update(Handle h, SavedQuery q) {
    h.createUpdate(
            "UPDATE saved_queries SET name = :name, query_text = :text, sources = :sources,"
                + " disabled_at = :disabled, updated_at = :at WHERE id = :id AND workspace_id = :ws")
        .bind("name", q.name())
        .bind("text", q.text())
        .bind("sources", json(q.sources()))
        .bind("disabled", q.disabledAt() == null ? null : q.disabledAt().toEpochMilli())
        .bind("at", q.updatedAt().toEpochMilli())
        .bind("id", q.id())
        .bind("ws", q.workspaceId().value())
        .execute();
  }

  public List<SavedQuery> list(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT * FROM saved_queries WHERE workspace_id = :ws ORDER BY LOWER(name), id")
        .bind("ws", ws.value())
        .map(QUERY)
        .list();
  }

  public Optional<SavedQuery> find(Handle h, WorkspaceId ws, String id) {
    return h.createQuery("SELECT * FROM saved_queries WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .map(QUERY)
        .findOne();
  }

  public void delete(Handle h, WorkspaceId ws, String id) {
    h.createUpdate("DELETE FROM saved_queries WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .execute();
  }
}
