package dev.chorus.core.inbox;

import dev.chorus.core.Ids;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Adds an internal note to a conversation: for the team, never sent to the network. */
public final class AddNote {
  public static final int MAX_LENGTH = 5_000;

  private final Database db;
  private final Ids ids;
  private final Clock clock;

  public AddNote(Database db, Ids ids, Clock clock) {
    this.db = db;
    this.ids = ids;
    this.clock = clock;
  }

  public String add(Actor actor, ConversationId conversation, String body) {
    actor.require(Role.CONTRIBUTOR, "write notes");
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) throw new Invalid("note", "the note is empty");
    if (text.length() > MAX_LENGTH) {
      throw new Invalid("note", "a note has at most " + MAX_LENGTH + " characters");
    }
    String id = ids.next();
    db.inTransaction(
        h -> {
          int n =
              h.createQuery(
                      "SELECT COUNT(*) FROM conversations WHERE workspace_id = :ws AND id = :id")
                  .bind("ws", actor.workspace().id().value())
                  .bind("id", conversation.value())
                  .mapTo(Integer.class)
                  .one();
          if (n == 0) throw new NotFound("No such conversation in this workspace.");
          h.createUpdate(
                  "INSERT INTO conversation_notes (id, conversation_id, workspace_id, author_id,"
                      + " body, created_at) VALUES (:id, :c, :ws, :u, :body, :at)")
              .bind("id", id)
              .bind("c", conversation.value())
              .bind("ws", actor.workspace().id().value())
              .bind("u", actor.user().id().value())
              .bind("body", text)
              .bind("at", clock.millis())
              .execute();
          return null;
        });
    return id;
  }
}
