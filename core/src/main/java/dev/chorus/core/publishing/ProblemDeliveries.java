package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.Network;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The store side of failed and held deliveries: listing them and moving one out of that state.
 * Every change is one {@code UPDATE} guarded by the delivery's current status, so a delivery that a
 * scheduler holds (status {@code publishing}, leased) or that someone else already moved is never
 * touched: the update finds no row and the caller says why.
 */
public final class ProblemDeliveries {
  static final String CANCELLED = "cancelled";

  private static final String SELECT =
      "SELECT d.id, d.post_id, d.channel_id, d.status, d.body, d.last_error, d.attempts, d.due_at,"
          + " d.first_attempt_at, c.name AS channel_name, c.network, u.display_name AS author_name,"
          + " (SELECT MAX(n.created_at) FROM post_notices n WHERE n.delivery_id = d.id AND n.kind ="
          + " d.status) AS since, (SELECT n.message FROM post_notices n WHERE n.delivery_id = d.id"
          + " AND n.kind = d.status ORDER BY n.created_at DESC, n.id DESC LIMIT 1) AS notice FROM"
          + " deliveries d JOIN posts p ON p.id = d.post_id JOIN channels c ON c.id = d.channel_id"
          + " LEFT JOIN users u ON u.id = p.author_id";

  private final Retries retries;

  public ProblemDeliveries(Retries retries) {
    this.retries = retries;
  }

  private RowMapper<DeliveryProblem> mapper(Instant now) {
    return (rs, ctx) -> {
      Network network = Network.valueOf(rs.getString("network").toUpperCase(java.util.Locale.ROOT));
      Instant first = instant(rs.getObject("first_attempt_at"));
      String error = rs.getString("last_error");
      String notice = rs.getString("notice");
      String reason =
          error != null && Deliveries.FAILED.equals(rs.getString("status"))
              ? error
              : notice != null ? notice : "Held: it fell due while Chorus was not running.";
      return new DeliveryProblem(
          new DeliveryId(rs.getString("id")),
          new PostId(rs.getString("post_id")),
          new ChannelId(rs.getString("channel_id")),
          rs.getString("channel_name"),
          network,
          rs.getString("status"),
          rs.getString("body"),
          reason,
          rs.getInt("attempts"),
          Instant.ofEpochMilli(rs.getLong("due_at")),
          first,
          instant(rs.getObject("since")),
          rs.getString("author_name"),
          first != null && !retries.keyStillValid(network, first, now));
    };
  }

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  /** The workspace's failed and held deliveries, newest first. */
  public Page<DeliveryProblem> list(Handle h, WorkspaceId ws, PageRequest page, Instant now) {
    List<DeliveryProblem> rows =
        h.createQuery(
                SELECT
                    + " WHERE d.workspace_id = :ws AND d.status IN ('failed', 'held')"
                    + (page.after() == null ? "" : " AND d.id < :after")
                    + " ORDER BY d.id DESC LIMIT :n")
            .bind("ws", ws.value())
            .bind("after", page.after())
            .bind("n", page.limit() + 1)
            .map(mapper(now))
            .list();
    return Page.of(rows, page.limit(), p -> p.id().value());
  }

  /** How many of the workspace's deliveries are failed or held. */
  public int count(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT COUNT(*) FROM deliveries WHERE workspace_id = :ws AND status IN ('failed',"
                + " 'held')")
        .bind("ws", ws.value())
        .mapTo(Integer.class)
        .one();
  }

  /** The failed or held delivery {@code id} of the workspace, if it is one. */
  public Optional<DeliveryProblem> find(Handle h, WorkspaceId ws, DeliveryId id, Instant now) {
    return h.createQuery(
            SELECT
                + " WHERE d.workspace_id = :ws AND d.id = :id AND d.status IN ('failed', 'held')")
        .bind("ws", ws.value())
        .bind("id", id.value())
        .map(mapper(now))
        .findOne();
  }

  /** The delivery's status whatever it is, if it is the workspace's. */
  Optional<String> status(Handle h, WorkspaceId ws, DeliveryId id) {
    return h.createQuery("SELECT status FROM deliveries WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id.value())
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Puts a failed delivery back to be claimed now, as a new round of attempts with the same
   * idempotency key. {@code firstAttemptAt} is kept while the network still dedupes on the key
   * (null starts a new window); false when it was not failed.
   */
  boolean retry(Handle h, WorkspaceId ws, DeliveryId id, Instant firstAttemptAt, Instant now) {
    return h.createUpdate(
                "UPDATE deliveries SET status = 'scheduled', claimable_at = :now, attempts = 0,"
                    + " first_attempt_at = :first, lease_owner = NULL, lease_until = NULL WHERE"
                    + " workspace_id = :ws AND id = :id AND status = 'failed'")
            .bind("now", now.toEpochMilli())
            .bind("first", firstAttemptAt == null ? null : firstAttemptAt.toEpochMilli())
            .bind("ws", ws.value())
            .bind("id", id.value())
            .execute()
        == 1;
  }

  /** Sends a held delivery now; false when it was not held. */
  boolean release(Handle h, WorkspaceId ws, DeliveryId id, Instant now) {
    return h.createUpdate(
                "UPDATE deliveries SET status = 'scheduled', claimable_at = :now, lease_owner ="
                    + " NULL, lease_until = NULL WHERE workspace_id = :ws AND id = :id AND status ="
                    + " 'held'")
            .bind("now", now.toEpochMilli())
            .bind("ws", ws.value())
            .bind("id", id.value())
            .execute()
        == 1;
  }

  /** Cancels a failed or held delivery for good; false when it was neither. */
  boolean discard(Handle h, WorkspaceId ws, DeliveryId id) {
    return h.createUpdate(
                "UPDATE deliveries SET status = 'cancelled', claimable_at = NULL, lease_owner ="
                    + " NULL, lease_until = NULL WHERE workspace_id = :ws AND id = :id AND status"
                    + " IN ('failed', 'held')")
            .bind("ws", ws.value())
            .bind("id", id.value())
            .execute()
        == 1;
  }
}
