package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
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
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Named sets of hashtags a workspace inserts into posts ("launch" → #chorus #release). Any member
 * reads them; editors and above keep them.
 */
public final class HashtagGroups {
  /** A group; {@code tags} each start with '#'. */
  public record Group(String id, String name, List<String> tags) {
    public Group {
      tags = List.copyOf(tags);
    }

    /** The tags as they go into a post: "#a #b". */
    public String text() {
      return String.join(" ", tags);
    }
  }

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]+");

  private final Database db;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public HashtagGroups(Database db, AuditLog audit, Supplier<String> ids, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** The workspace's groups by name. */
  public List<Group> list(Actor actor) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT id, name, tags FROM hashtag_groups WHERE workspace_id = :ws ORDER BY"
                        + " name")
                .bind("ws", actor.workspace().id().value())
                .map(
                    (rs, ctx) ->
                        new Group(
                            rs.getString("id"),
                            rs.getString("name"),
                            List.of(rs.getString("tags").split(" "))))
                .list());
  }

  /**
   * Saves a group: a new one, or the group of that name replaced.
   *
   * @param tags hashtags separated by spaces or commas, with or without '#'
   */
  public Group save(Actor actor, String name, String tags) {
    actor.require(Role.EDITOR, "keep hashtag groups");
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) throw new Invalid("name", "give the group a name");
    if (n.length() > 60) throw new Invalid("name", "a name has at most 60 characters");
    List<String> parsed = parse(tags);
    long now = clock.millis();
    String ws = actor.workspace().id().value();
    return db.inTransaction(
        h -> {
          String id =
              h.createQuery("SELECT id FROM hashtag_groups WHERE workspace_id = :ws AND name = :n")
                  .bind("ws", ws)
                  .bind("n", n)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          if (id == null) {
            id = ids.get();
            h.createUpdate(
                    "INSERT INTO hashtag_groups (id, workspace_id, name, tags, created_at,"
                        + " updated_at) VALUES (:id, :ws, :n, :t, :now, :now)")
                .bind("id", id)
                .bind("ws", ws)
                .bind("n", n)
                .bind("t", String.join(" ", parsed))
                .bind("now", now)
                .execute();
          } else {
            h.createUpdate("UPDATE hashtag_groups SET tags = :t, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("t", String.join(" ", parsed))
                .bind("now", now)
                .execute();
          }
          audit.record(h, actor.workspace().id(), actor.who(), "hashtags.saved", id, n);
          return new Group(id, n, parsed);
        });
  }

  public void delete(Actor actor, String id) {
    actor.require(Role.EDITOR, "keep hashtag groups");
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate("DELETE FROM hashtag_groups WHERE id = :id AND workspace_id = :ws")
                  .bind("id", id)
                  .bind("ws", actor.workspace().id().value())
                  .execute();
          if (n == 0) throw new NotFound("No such hashtag group.");
          audit.record(h, actor.workspace().id(), actor.who(), "hashtags.deleted", id, null);
          return null;
        });
  }

  /** "#a, b #c" → [#a, #b, #c]; refuses a tag with spaces or punctuation inside. */
  static List<String> parse(String tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : (tags == null ? "" : tags).split("[\\s,]+")) {
      if (t.isEmpty()) continue;
      String bare = t.startsWith("#") ? t.substring(1) : t;
      if (!TAG.matcher(bare).matches()) {
        throw new Invalid("tags", "'" + t + "' is not a hashtag (letters, digits and _ only)");
      }
      out.add("#" + bare);
    }
    if (out.isEmpty()) throw new Invalid("tags", "list at least one hashtag");
    if (out.size() > 30) throw new Invalid("tags", "a group has at most 30 hashtags");
    return new ArrayList<>(out);
  }
}
