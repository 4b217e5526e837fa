package dev.chorus.core.inbox;

import dev.chorus.core.Ids;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;

/** Saved answers the team reuses in the reply box. */
public final class CannedReplies {
  /** A saved answer. */
  public record Canned(String id, String name, String body) {}

  private final Database db;
  private final Ids ids;
  private final Clock clock;

  public CannedReplies(Database db, Ids ids, Clock clock) {
    this.db = db;
    this.ids = ids;
    this.clock = clock;
  }

  public List<Canned> list(WorkspaceId ws) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT id, name, body FROM canned_replies WHERE workspace_id = :ws ORDER BY"
                        + " name, id")
                .bind("ws", ws.value())
                .map((rs, ctx) -> new Canned(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  public String save(Actor actor, String name, String body) {
    actor.require(Role.EDITOR, "save canned replies");
    String n = name == null ? "" : name.strip();
    String b = body == null ? "" : body.strip();
    if (n.isEmpty()) throw new Invalid("name", "give the canned reply a name");
    if (n.length() > 80) throw new Invalid("name", "a name has at most 80 characters");
    if (b.isEmpty()) throw new Invalid("body", "the canned reply is empty");
    if (b.length() > 5_000) throw new Invalid("body", "a canned reply has at most 5000 characters");
    String id = ids.next();
    db.inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO canned_replies (id, workspace_id, name, body, created_by,"
                        + " created_at) VALUES (:id, :ws, :name, :body, :by, :at)")
                .bind("id", id)
                .bind("ws", actor.workspace().id().value())
                .bind("name", n)
                .bind("body", b)
                .bind("by", actor.user().id().value())
                .bind("at", clock.millis())
                .execute());
    return id;
  }

  public void delete(Actor actor, String id) {
    actor.require(Role.EDITOR, "delete canned replies");
    int n =
        db.inTransaction(
            h ->
                h.createUpdate("DELETE FROM canned_replies WHERE workspace_id = :ws AND id = :id")
                    .bind("ws", actor.workspace().id().value())
                    .bind("id", id)
                    .execute());
    if (n == 0) throw new NotFound("No such canned reply in this workspace.");
  }
}
