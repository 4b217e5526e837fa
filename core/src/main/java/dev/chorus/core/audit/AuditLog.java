package dev.chorus.core.audit;

import dev.chorus.core.Ids;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Records and reads the audit log. */
public final class AuditLog {
  /** Who acted: a user (id and label) or the system, and from where. */
  public record Who(String userId, String label, String ip) {
    public static Who system(String label) {
      return new Who(null, label, null);
    }
  }

  private final Database db;
  private final Ids ids;
  private final Clock clock;

  public AuditLog(Database db, Ids ids, Clock clock) {
    this.db = db;
    this.ids = ids;
    this.clock = clock;
  }

  /** Adds an entry on the caller's handle, so it commits or rolls back with the change. */
  public void record(
      Handle h, WorkspaceId workspace, Who who, String action, String target, String detail) {
    h.createUpdate(
            "INSERT INTO audit_log (id, workspace_id, actor_user_id, actor_label, action, target,"
                + " detail, ip, at) VALUES (:id, :ws, :uid, :label, :action, :target, :detail, :ip,"
                + " :at)")
        .bind("id", ids.next())
        .bind("ws", workspace == null ? null : workspace.value())
        .bind("uid", who.userId())
        .bind("label", who.label())
        .bind("action", action)
        .bind("target", target)
        .bind("detail", detail)
        .bind("ip", who.ip())
        .bind("at", clock.millis())
        .execute();
  }

  /** When each of a workspace's entries since {@code since} happened, oldest first. */
  public List<Instant> timesSince(WorkspaceId workspace, Instant since) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT at FROM audit_log WHERE workspace_id = :ws AND at >= :since ORDER BY at")
                .bind("ws", workspace.value())
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong("at")))
                .list());
  }

  /** A workspace's entries, newest first. */
  public Page<AuditEntry> page(WorkspaceId workspace, PageRequest request) {
    List<AuditEntry> rows =
        db.read(
            h ->
                h.createQuery(
                        "SELECT * FROM audit_log WHERE workspace_id = :ws"
                            + (request.after() == null ? "" : " AND id < :after")
                            + " ORDER BY id DESC LIMIT :n")
                    .bind("ws", workspace.value())
                    .bind("after", request.after())
                    .bind("n", request.limit() + 1)
                    .map(
                        (rs, ctx) ->
                            new AuditEntry(
                                rs.getString("id"),
                                rs.getString("actor_user_id"),
                                rs.getString("actor_label"),
                                rs.getString("action"),
                                rs.getString("target"),
                                rs.getString("detail"),
                                rs.getString("ip"),
                                Instant.ofEpochMilli(rs.getLong("at"))))
                    .list());
    return Page.of(rows, request.limit(), AuditEntry::id);
  }
}
