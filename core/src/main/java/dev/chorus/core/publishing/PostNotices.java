package dev.chorus.core.publishing;

import dev.chorus.core.account.UserId;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A user's notices about their posts in one workspace (a delivery failed or was held; approvals add
 * theirs): listing them, counting the unread for the bell, and marking them read. Each user sees
 * and marks only their own.
 */
public final class PostNotices {
  private static final RowMapper<PostNotice> NOTICE =
      (rs, ctx) -> {
        String delivery = rs.getString("delivery_id");
        Object read = rs.getObject("read_at");
        return new PostNotice(
            rs.getString("id"),
            new PostId(rs.getString("post_id")),
            delivery == null ? null : new DeliveryId(delivery),
            rs.getString("channel_name"),
            rs.getString("kind"),
            rs.getString("message"),
            rs.getString("post_text"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            read == null ? null : Instant.ofEpochMilli(((Number) read).longValue()));
      };

  private final Database db;
  private final Clock clock;

  public PostNotices(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The user's notices in the workspace, newest first; only the unread when {@code unread}. */
  public Page<PostNotice> list(
      Handle h, WorkspaceId ws, UserId user, boolean unread, PageRequest page) {
    List<PostNotice> rows =
        h.createQuery(
                "SELECT n.id, n.post_id, n.delivery_id, n.kind, n.message, n.created_at,"
                    + " n.read_at, p.body AS post_text, c.name AS channel_name FROM post_notices n"
                    + " JOIN posts p ON p.id = n.post_id LEFT JOIN deliveries d ON d.id ="
                    + " n.delivery_id LEFT JOIN channels c ON c.id = d.channel_id WHERE"
                    + " n.workspace_id = :ws AND n.user_id = :user"
                    + (unread ? " AND n.read_at IS NULL" : "")
                    + (page.after() == null ? "" : " AND n.id < :after")
                    + " ORDER BY n.id DESC LIMIT :n")
            .bind("ws", ws.value())
            .bind("user", user.value())
            .bind("after", page.after())
            .bind("n", page.limit() + 1)
            .map(NOTICE)
            .list();
    return Page.of(rows, page.limit(), PostNotice::id);
  }

  /** How many of the user's notices in the workspace are unread. */
  public int unread(Handle h, WorkspaceId ws, UserId user) {
    return h.createQuery(
            "SELECT COUNT(*) FROM post_notices WHERE workspace_id = :ws AND user_id = :user AND"
                + " read_at IS NULL")
        .bind("ws", ws.value())
        .bind("user", user.value())
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Marks one of the actor's own notices read (reading twice changes nothing).
   *
   * @throws NotFound when it is not the actor's notice in this workspace
   */
  public void markRead(Actor actor, String noticeId) {
    long now = clock.millis();
    db.inTransaction(
        h -> {
          boolean mine =
              h.createQuery(
                          "SELECT COUNT(*) FROM post_notices WHERE id = :id AND workspace_id = :ws"
                              + " AND user_id = :user")
                      .bind("id", noticeId)
                      .bind("ws", actor.workspace().id().value())
                      .bind("user", actor.user().id().value())
                      .mapTo(Integer.class)
                      .one()
                  == 1;
          if (!mine) throw new NotFound("There is no such notice for you here.");
          h.createUpdate(
                  "UPDATE post_notices SET read_at = :now WHERE id = :id AND read_at IS NULL")
              .bind("now", now)
              .bind("id", noticeId)
              .execute();
          return null;
        });
  }

  /** Marks all the actor's notices in the workspace read; returns how many were unread. */
  public int markAllRead(Actor actor) {
    long now = clock.millis();
    return db.inTransaction(
        h ->
            h.createUpdate(
                    "UPDATE post_notices SET read_at = :now WHERE workspace_id = :ws AND user_id ="
                        + " :user AND read_at IS NULL")
                .bind("now", now)
                .bind("ws", actor.workspace().id().value())
                .bind("user", actor.user().id().value())
                .execute());
  }
}
