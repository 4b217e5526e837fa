package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The deliveries table: claiming due deliveries under a lease and settling them. Every statement is
 * portable between SQLite and PostgreSQL. A claim is one {@code UPDATE … WHERE claimable_at <=
 * now}: on PostgreSQL a row another node claimed first is re-checked after its lock and skipped, on
 * SQLite writers take turns; either way one delivery has one lease holder at a time. Settling is
 * guarded by the lease owner, so a node whose lease ran out cannot overwrite its successor.
 */
public final class Deliveries {
  static final String SCHEDULED = "scheduled";
  static final String PUBLISHING = "publishing";
  static final String PUBLISHED = "published";
  static final String FAILED = "failed";
  static final String HELD = "held";

  private static final RowMapper<Delivery> DELIVERY =
      (rs, ctx) ->
          new Delivery(
              new DeliveryId(rs.getString("id")),
              new PostId(rs.getString("post_id")),
              new WorkspaceId(rs.getString("workspace_id")),
              new ChannelId(rs.getString("channel_id")),
              rs.getString("body"),
              rs.getString("content_warning"),
              Instant.ofEpochMilli(rs.getLong("due_at")),
              rs.getInt("attempts"),
              instant(rs.getObject("first_attempt_at")),
              rs.getString("author_id"),
              rs.getString("lease_owner"),
              rs.getInt("parts"));

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  /**
   * Claims up to {@code max} deliveries that are due (or whose lease ran out) for {@code owner},
   * leased until {@code leaseUntil}; each claim counts an attempt. {@code owner} must be new for
   * every call: it is how the claimed rows are found again.
   */
  public List<Delivery> claim(Handle h, Instant now, int max, String owner, Instant leaseUntil) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'publishing', lease_owner = :owner, lease_until ="
                    + " :until, claimable_at = :until, attempts = attempts + 1, first_attempt_at ="
                    + " COALESCE(first_attempt_at, :now) WHERE id IN (SELECT id FROM deliveries"
                    + " WHERE claimable_at <= :now ORDER BY claimable_at LIMIT :max) AND"
                    + " claimable_at <= :now AND status IN ('scheduled', 'publishing')")
            .bind("owner", owner)
            .bind("until", leaseUntil.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .bind("max", max)
            .execute();
    if (n == 0) return List.of();
    h.createUpdate(
            "UPDATE posts SET status = 'publishing', updated_at = :now WHERE status = 'scheduled'"
                + " AND id IN (SELECT post_id FROM deliveries WHERE lease_owner = :owner)")
        .bind("owner", owner)
        .bind("now", now.toEpochMilli())
        .execute();
    return h.createQuery(
            "SELECT d.*, p.author_id FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE"
                + " d.lease_owner = :owner ORDER BY d.claimable_at, d.due_at")
        .bind("owner", owner)
        .map(DELIVERY)
        .list();
  }

  /** When the next delivery becomes claimable, if any is waiting. */
  public Optional<Instant> nextClaimable(Handle h) {
    Long at = h.createQuery("SELECT MIN(claimable_at) FROM deliveries").mapTo(Long.class).one();
    return Optional.ofNullable(at).map(Instant::ofEpochMilli);
  }

  /** Records the post on the network; false when the lease was lost to another claim. */
  public boolean published(Handle h, Delivery d, RemoteRef ref, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'published', remote_id = :rid, remote_url = :url,"
                    + " published_at = :now, last_error = NULL, claimable_at = NULL, lease_owner ="
                    + " NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
            .bind("rid", ref.id())
            .bind("url", ref.url())
            .bind("now", now.toEpochMilli())
            .bind("id", d.id().value())
            .bind("owner", d.leaseOwner())
            .execute();
    if (n == 1) settle(h, d.postId(), now);
    return n == 1;
  }

  /** Puts the delivery back to be claimed at {@code next}, with the failure that made it wait. */
  public boolean retry(Handle h, Delivery d, Instant next, String error, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'scheduled', claimable_at = :next, last_error ="
                    + " :error, lease_owner = NULL, lease_until = NULL WHERE id = :id AND"
                    + " lease_owner = :owner")
            .bind("next", next.toEpochMilli())
            .bind("error", error)
            .bind("id", d.id().value())
            .bind("owner", d.leaseOwner())
            .execute();
    return n == 1;
  }

  /** Fails the delivery with its reason; the caller tells the author. */
  public boolean failed(Handle h, Delivery d, String error, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'failed', last_error = :error, claimable_at ="
                    + " NULL, lease_owner = NULL, lease_until = NULL WHERE id = :id AND"
                    + " lease_owner = :owner")
            .bind("error", error)
            .bind("id", d.id().value())
            .bind("owner", d.leaseOwner())
            .execute();
    if (n == 1) settle(h, d.postId(), now);
    return n == 1;
  }

  /**
   * Brings a post's status in line with its deliveries: cancelled when all were discarded,
   * published when all the others are, publishing while any is on its way, held while any is held,
   * else failed (at least one failed, none pending).
   */
  public void settle(Handle h, PostId post, Instant now) {
    h.createUpdate(
            "UPDATE posts SET updated_at = :now, status = CASE WHEN NOT EXISTS (SELECT 1 FROM"
                + " deliveries d WHERE d.post_id = posts.id AND d.status <> 'cancelled') THEN"
                + " 'cancelled' WHEN NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id ="
                + " posts.id AND d.status NOT IN ('published', 'cancelled')) THEN"
                + " 'published' WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id ="
                + " posts.id AND d.status = 'publishing') THEN 'publishing' WHEN EXISTS (SELECT 1"
                + " FROM deliveries d WHERE d.post_id = posts.id AND d.status = 'scheduled') THEN"
                + " (CASE WHEN posts.status = 'scheduled' THEN 'scheduled' ELSE 'publishing' END)"
                + " WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.post_id = posts.id AND"
                + " d.status = 'held') THEN 'held' ELSE 'failed' END WHERE id = :id")
        .bind("now", now.toEpochMilli())
        .bind("id", post.value())
        .execute();
  }

  /**
   * Holds the never-attempted deliveries that fell due before {@code cutoff} in workspaces that
   * chose {@link MissedPosts#HOLD}; returns them (their leases are not taken).
   */
  public List<Delivery> holdMissed(Handle h, Instant cutoff, Instant now, String marker) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'held', claimable_at = NULL, lease_owner ="
                    + " :marker WHERE status = 'scheduled' AND attempts = 0 AND due_at < :cutoff"
                    + " AND workspace_id IN (SELECT workspace_id FROM publishing_settings WHERE"
                    + " missed_posts = 'hold')")
            .bind("marker", marker)
            .bind("cutoff", cutoff.toEpochMilli())
            .execute();
    if (n == 0) return List.of();
    List<Delivery> held =
        h.createQuery(
                "SELECT d.*, p.author_id FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE"
                    + " d.lease_owner = :marker")
            .bind("marker", marker)
            .map(DELIVERY)
            .list();
    h.createUpdate("UPDATE deliveries SET lease_owner = NULL WHERE lease_owner = :marker")
        .bind("marker", marker)
        .execute();
    for (PostId p : held.stream().map(Delivery::postId).distinct().toList()) settle(h, p, now);
    return held;
  }

  /** Sends a post's held deliveries now; returns how many were released. */
  public int release(Handle h, WorkspaceId ws, PostId post, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE deliveries SET status = 'scheduled', claimable_at = :now WHERE"
                    + " workspace_id = :ws AND post_id = :post AND status = 'held'")
            .bind("now", now.toEpochMilli())
            .bind("ws", ws.value())
            .bind("post", post.value())
            .execute();
    if (n > 0) {
      h.createUpdate("UPDATE posts SET status = 'publishing', updated_at = :now WHERE id = :id")
          .bind("now", now.toEpochMilli())
          .bind("id", post.value())
          .execute();
    }
    return n;
  }

  /** The workspace's choice for missed posts ({@link MissedPosts#SEND} when it made none). */
  public MissedPosts missedPosts(Handle h, WorkspaceId ws) {
    return h.createQuery("SELECT missed_posts FROM publishing_settings WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .mapTo(String.class)
        .findOne()
        .map(MissedPosts::parse)
        .orElse(MissedPosts.SEND);
  }

  public void setMissedPosts(Handle h, WorkspaceId ws, MissedPosts choice, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE publishing_settings SET missed_posts = :m, updated_at = :now WHERE"
                    + " workspace_id = :ws")
            .bind("m", choice.key())
            .bind("now", now.toEpochMilli())
            .bind("ws", ws.value())
            .execute();
    if (n == 0) {
      h.createUpdate(
              "INSERT INTO publishing_settings (workspace_id, missed_posts, updated_at) VALUES"
                  + " (:ws, :m, :now)")
          .bind("m", choice.key())
          .bind("now", now.toEpochMilli())
          .bind("ws", ws.value())
          .execute();
    }
  }

  /** Tells a post's author about a failed or held delivery. */
  public void notice(Handle h, String id, Delivery d, String kind, String message, Instant now) {
    h.createUpdate(
            "INSERT INTO post_notices (id, workspace_id, user_id, post_id, delivery_id, kind,"
                + " message, created_at) VALUES (:id, :ws, :user, :post, :delivery, :kind, :msg,"
                + " :now)")
        .bind("id", id)
        .bind("ws", d.workspaceId().value())
        .bind("user", d.authorId())
        .bind("post", d.postId().value())
        .bind("delivery", d.id().value())
        .bind("kind", kind)
        .bind("msg", message)
        .bind("now", now.toEpochMilli())
        .execute();
  }
}
