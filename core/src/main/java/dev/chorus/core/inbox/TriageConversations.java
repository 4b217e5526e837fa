package dev.chorus.core.inbox;

import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes the triage state of one or many conversations at once: status, assignee, tags. Either
 * every conversation changes or none does; one that is not in the actor's workspace makes the whole
 * change a 404.
 */
public final class TriageConversations {
  /** The most conversations one bulk action touches. */
  public static final int MAX_BULK = 500;

  /**
   * What to change; null fields stay as they are.
   *
   * @param assignee a member's user id, or {@code "none"} to unassign
   */
  public record Change(
      Status status, String assignee, List<String> addTags, List<String> removeTags) {
    public Change {
      addTags = addTags == null ? List.of() : List.copyOf(addTags);
      removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    public static Change status(Status s) {
      return new Change(s, null, null, null);
    }

    public static Change assign(String userIdOrNone) {
      return new Change(null, userIdOrNone, null, null);
    }

    public static Change tag(String tag) {
      return new Change(null, null, List.of(tag), null);
    }

    public static Change untag(String tag) {
      return new Change(null, null, null, List.of(tag));
    }
  }

  private final Database db;
  private final Clock clock;

  public TriageConversations(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Applies {@code change} to {@code ids}; returns how many conversations it touched. */
  public int apply(Actor actor, List<ConversationId> ids, Change change) {
    actor.require(Role.CONTRIBUTOR, "triage conversations");
    if (ids.isEmpty()) throw new Invalid("ids", "choose at least one conversation");
    if (ids.size() > MAX_BULK) {
      throw new Invalid("ids", "at most " + MAX_BULK + " conversations at once");
    }
    List<String> add = normalise("tag", change.addTags());
    List<String> remove = normalise("tag", change.removeTags());
    String ws = actor.workspace().id().value();
    long now = clock.millis();
    return db.inTransaction(
        h -> {
          List<String> values =
              new ArrayList<>(
                  new LinkedHashSet<>(ids.stream().map(ConversationId::value).toList()));
          int found =
              h.createQuery(
                      "SELECT COUNT(*) FROM conversations WHERE workspace_id = :ws AND id IN (<ids>)")
                  .bind("ws", ws)
                  .bindList("ids", values)
                  .mapTo(Integer.class)
                  .one();
          if (found != values.size()) throw new NotFound("No such conversation in this workspace.");
          if (change.assignee() != null && !change.assignee().equals("none")) {
            boolean member =
                h.createQuery(
                            "SELECT COUNT(*) FROM memberships WHERE workspace_id = :ws AND user_id ="
                                + " :u")
                        .bind("ws", ws)
                        .bind("u", change.assignee())
                        .mapTo(Integer.class)
                        .one()
                    > 0;
            if (!member)
              throw new Invalid("assignee", "the assignee is not a member of this workspace");
          }
          for (String id : values) {
            if (change.status() != null) {
              h.createUpdate(
                      "UPDATE conversations SET status = :s, updated_at = :now WHERE id = :id")
                  .bind("s", change.status().key())
                  .bind("now", now)
                  .bind("id", id)
                  .execute();
            }
            if (change.assignee() != null) {
              h.createUpdate(
                      "UPDATE conversations SET assignee_id = :a, updated_at = :now WHERE id = :id")
                  .bind("a", change.assignee().equals("none") ? null : change.assignee())
                  .bind("now", now)
                  .bind("id", id)
                  .execute();
            }
            if (!add.isEmpty()) {
              // A tag row carries a copy of the conversation's last_item_at (V18): lock the
              // conversation first, so on PostgreSQL an item stored beside this change either moves
              // the new rows or is already in the copied value.
              h.createUpdate("UPDATE conversations SET updated_at = :now WHERE id = :id")
                  .bind("now", now)
                  .bind("id", id)
                  .execute();
            }
            for (String t : add) {
              h.createUpdate(
                      "INSERT INTO conversation_tags (conversation_id, workspace_id, tag,"
                          + " last_item_at) SELECT :id, :ws, :t, last_item_at FROM conversations"
                          + " WHERE id = :id ON CONFLICT (conversation_id, tag) DO NOTHING")
                  .bind("id", id)
                  .bind("ws", ws)
                  .bind("t", t)
                  .execute();
            }
            for (String t : remove) {
              h.createUpdate(
                      "DELETE FROM conversation_tags WHERE conversation_id = :id AND tag = :t")
                  .bind("id", id)
                  .bind("t", t)
                  .execute();
            }
          }
          return values.size();
        });
  }

  private static List<String> normalise(String field, List<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) out.add(Tags.normalise(field, t));
    if (out.size() > 20) throw new Invalid(field, "at most 20 tags at once");
    return List.copyOf(out);
  }
}
