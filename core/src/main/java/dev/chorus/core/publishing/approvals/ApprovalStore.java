package dev.chorus.core.publishing.approvals;

import dev.chorus.core.publishing.PostId;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The tables of approvals (V12): requests, the review thread of a post, and guest links. Portable
 * between SQLite and PostgreSQL. Deciding is guarded by {@code status = 'pending'}, so of two
 * decisions made at once only the first counts.
 */
public final class ApprovalStore {
  /**
   * A request to approve a post.
   *
   * @param wishedDueAt null for "add to the queue"
   * @param status pending, approved, rejected or withdrawn
   */
  public record Request(
      String id,
      WorkspaceId workspaceId,
      PostId postId,
      String submittedBy,
      Instant submittedAt,
      Instant wishedDueAt,
      String status) {}

  /** A post waiting for approval, as the Approvals page lists it. */
  public record Pending(
      String requestId,
      PostId postId,
      String authorId,
      String authorName,
      String firstPart,
      List<String> channels,
      Instant submittedAt,
      Instant wishedDueAt,
      String timeZone) {}

  /**
   * One entry of a post's review thread.
   *
   * @param kind submitted, approved, rejected or comment
   * @param who the member's name, or the guest's name followed by "(guest)"
   */
  public record Comment(String id, String kind, String who, String body, Instant at) {}

  /** A guest link, without its token (only its hash is stored). */
  public record GuestLink(
      String id,
      WorkspaceId workspaceId,
      PostId postId,
      String requestId,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant usedAt,
      Instant revokedAt) {}

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  private static final RowMapper<Request> REQUEST =
      (rs, ctx) ->
          new Request(
              rs.getString("id"),
              new WorkspaceId(rs.getString("workspace_id")),
              new PostId(rs.getString("post_id")),
              rs.getString("submitted_by"),
              Instant.ofEpochMilli(rs.getLong("submitted_at")),
              instant(rs.getObject("wished_due_at")),
              rs.getString("status"));

  private static final RowMapper<GuestLink> GUEST =
      (rs, ctx) ->
          new GuestLink(
              rs.getString("id"),
              new WorkspaceId(rs.getString("workspace_id")),
              new PostId(rs.getString("post_id")),
              rs.getString("request_id"),
              rs.getString("created_by"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              Instant.ofEpochMilli(rs.getLong("expires_at")),
              instant(rs.getObject("used_at")),
              instant(rs.getObject("revoked_at")));

  /** The post's status and author, if it is the workspace's. */
  public Optional<String[]> post(Handle h, WorkspaceId ws, PostId post) {
    return h.createQuery(
            "SELECT status, author_id FROM posts WHERE id = :id AND workspace_id = :ws")
        .bind("id", post.value())
        .bind("ws", ws.value())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .findOne();
  }

  public void insert(Handle h, Request r) {
    h.createUpdate(
            "INSERT INTO approval_requests (id, workspace_id, post_id, submitted_by, submitted_at,"
                + " wished_due_at, status) VALUES (:id, :ws, :post, :by, :at, :wish, 'pending')")
        .bind("id", r.id())
        .bind("ws", r.workspaceId().value())
        .bind("post", r.postId().value())
        .bind("by", r.submittedBy())
        .bind("at", r.submittedAt().toEpochMilli())
        .bind("wish", r.wishedDueAt() == null ? null : r.wishedDueAt().toEpochMilli())
        .execute();
  }

  public Optional<Request> find(Handle h, WorkspaceId ws, String requestId) {
    return h.createQuery("SELECT * FROM approval_requests WHERE id = :id AND workspace_id = :ws")
        .bind("id", requestId)
        .bind("ws", ws.value())
        .map(REQUEST)
        .findOne();
  }

  /** The post's pending request, if it waits for approval. */
  public Optional<Request> pendingOf(Handle h, WorkspaceId ws, PostId post) {
    return h.createQuery(
            "SELECT * FROM approval_requests WHERE post_id = :post AND workspace_id = :ws AND"
                + " status = 'pending' ORDER BY submitted_at DESC")
        .bind("post", post.value())
        .bind("ws", ws.value())
        .map(REQUEST)
        .findFirst();
  }

  /** Marks a pending request decided; false when it was no longer pending. */
  public boolean decide(
      Handle h, String requestId, String status, String userId, String guestName, Instant now) {
    return h.createUpdate(
                "UPDATE approval_requests SET status = :status, decided_by = :user,"
                    + " decided_by_guest = :guest, decided_at = :now WHERE id = :id AND status ="
                    + " 'pending'")
            .bind("status", status)
            .bind("user", userId)
            .bind("guest", guestName)
            .bind("now", now.toEpochMilli())
            .bind("id", requestId)
            .execute()
        == 1;
  }

  /**
   * A pending post was edited: it goes back to draft and its request is withdrawn, so an approval
   * never applies to text nobody approved. Returns true when the post was pending.
   */
  public boolean withdraw(Handle h, WorkspaceId ws, PostId post, Instant now) {
    int n =
        h.createUpdate(
                "UPDATE posts SET status = 'draft', updated_at = :now WHERE id = :id AND"
                    + " workspace_id = :ws AND status = 'pending_approval'")
            .bind("now", now.toEpochMilli())
            .bind("id", post.value())
            .bind("ws", ws.value())
            .execute();
    h.createUpdate(
            "UPDATE approval_requests SET status = 'withdrawn', decided_at = :now WHERE post_id ="
                + " :post AND workspace_id = :ws AND status = 'pending'")
        .bind("now", now.toEpochMilli())
        .bind("post", post.value())
        .bind("ws", ws.value())
        .execute();
    return n == 1;
  }

  public void setStatus(Handle h, PostId post, String status, Instant now) {
    h.createUpdate("UPDATE posts SET status = :s, updated_at = :now WHERE id = :id")
        .bind("s", status)
        .bind("now", now.toEpochMilli())
        .bind("id", post.value())
        .execute();
  }

  public void comment(
      Handle h,
      String id,
      WorkspaceId ws,
      PostId post,
      String requestId,
      String userId,
      String guestName,
      String kind,
      String body,
      Instant now) {
    h.createUpdate(
            "INSERT INTO post_comments (id, workspace_id, post_id, request_id, user_id,"
                + " guest_name, kind, body, created_at) VALUES (:id, :ws, :post, :req, :user,"
                + " :guest, :kind, :body, :now)")
        .bind("id", id)
        .bind("ws", ws.value())
        .bind("post", post.value())
        .bind("req", requestId)
        .bind("user", userId)
        .bind("guest", guestName)
        .bind("kind", kind)
        .bind("body", body)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** A post's review thread, oldest first. */
  public List<Comment> thread(Handle h, WorkspaceId ws, PostId post) {
    return h.createQuery(
            "SELECT c.id, c.kind, c.body, c.created_at, c.guest_name, u.display_name FROM"
                + " post_comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.post_id = :post"
                + " AND c.workspace_id = :ws ORDER BY c.created_at, c.id")
        .bind("post", post.value())
        .bind("ws", ws.value())
        .map(
            (rs, ctx) -> {
              String guest = rs.getString("guest_name");
              String member = rs.getString("display_name");
              String who =
                  guest != null ? guest + " (guest)" : member != null ? member : "A former member";
              return new Comment(
                  rs.getString("id"),
                  rs.getString("kind"),
                  who,
                  rs.getString("body"),
                  Instant.ofEpochMilli(rs.getLong("created_at")));
            })
        .list();
  }

  /** Posts waiting for approval, oldest request first. */
  public List<Pending> pending(Handle h, WorkspaceId ws, int limit) {
    List<Pending> rows =
        h.createQuery(
                "SELECT r.id, r.post_id, r.submitted_by, u.display_name, p.body, r.submitted_at,"
                    + " r.wished_due_at, p.time_zone FROM approval_requests r JOIN posts p ON"
                    + " p.id = r.post_id LEFT JOIN users u ON u.id = r.submitted_by WHERE"
                    + " r.workspace_id = :ws AND r.status = 'pending' AND p.status ="
                    + " 'pending_approval' ORDER BY r.submitted_at, r.id LIMIT :limit")
            .bind("ws", ws.value())
            .bind("limit", limit)
            .map(
                (rs, ctx) ->
                    new Pending(
                        rs.getString("id"),
                        new PostId(rs.getString("post_id")),
                        rs.getString("submitted_by"),
                        rs.getString("display_name"),
                        rs.getString("body"),
                        List.of(),
                        Instant.ofEpochMilli(rs.getLong("submitted_at")),
                        instant(rs.getObject("wished_due_at")),
                        rs.getString("time_zone")))
            .list();
    return rows.stream()
        .map(
            p ->
                new Pending(
                    p.requestId(),
                    p.postId(),
                    p.authorId(),
                    p.authorName(),
                    p.firstPart(),
                    channels(h, p.postId()),
                    p.submittedAt(),
                    p.wishedDueAt(),
                    p.timeZone()))
        .toList();
  }

  private List<String> channels(Handle h, PostId post) {
    return h.createQuery(
            "SELECT c.name FROM post_variants v JOIN channels c ON c.id = v.channel_id WHERE"
                + " v.post_id = :p ORDER BY v.position")
        .bind("p", post.value())
        .mapTo(String.class)
        .list();
  }

  /** How many posts wait for approval (for the nav's badge). */
  public long pendingCount(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT COUNT(*) FROM approval_requests r JOIN posts p ON p.id = r.post_id WHERE"
                + " r.workspace_id = :ws AND r.status = 'pending' AND p.status ="
                + " 'pending_approval'")
        .bind("ws", ws.value())
        .mapTo(Long.class)
        .one();
  }

  public void insertGuest(Handle h, GuestLink g, String tokenHash) {
    h.createUpdate(
            "INSERT INTO guest_approval_links (id, workspace_id, post_id, request_id, token_hash,"
                + " created_by, created_at, expires_at) VALUES (:id, :ws, :post, :req, :hash, :by,"
                + " :at, :exp)")
        .bind("id", g.id())
        .bind("ws", g.workspaceId().value())
        .bind("post", g.postId().value())
        .bind("req", g.requestId())
        .bind("hash", tokenHash)
        .bind("by", g.createdBy())
        .bind("at", g.createdAt().toEpochMilli())
        .bind("exp", g.expiresAt().toEpochMilli())
        .execute();
  }

  public Optional<GuestLink> guestByHash(Handle h, String tokenHash) {
    return h.createQuery("SELECT * FROM guest_approval_links WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map(GUEST)
        .findOne();
  }

  /** Spends a link; false when it was spent or revoked meanwhile. */
  public boolean useGuest(Handle h, String id, Instant now) {
    return h.createUpdate(
                "UPDATE guest_approval_links SET used_at = :now WHERE id = :id AND used_at IS NULL"
                    + " AND revoked_at IS NULL")
            .bind("now", now.toEpochMilli())
            .bind("id", id)
            .execute()
        == 1;
  }

  public boolean revokeGuest(Handle h, WorkspaceId ws, String id, Instant now) {
    return h.createUpdate(
                "UPDATE guest_approval_links SET revoked_at = :now WHERE id = :id AND workspace_id"
                    + " = :ws AND revoked_at IS NULL AND used_at IS NULL")
            .bind("now", now.toEpochMilli())
            .bind("id", id)
            .bind("ws", ws.value())
            .execute()
        == 1;
  }

  /** A post's guest links, newest first. */
  public List<GuestLink> guestLinks(Handle h, WorkspaceId ws, PostId post) {
    return h.createQuery(
            "SELECT * FROM guest_approval_links WHERE post_id = :post AND workspace_id = :ws ORDER"
                + " BY created_at DESC, id DESC")
        .bind("post", post.value())
        .bind("ws", ws.value())
        .map(GUEST)
        .list();
  }

  /** Tells the post's author that it was approved or rejected. */
  public void notice(
      Handle h,
      String id,
      WorkspaceId ws,
      String userId,
      PostId post,
      String kind,
      String message,
      Instant now) {
    if (userId == null) return;
    h.createUpdate(
            "INSERT INTO post_notices (id, workspace_id, user_id, post_id, delivery_id, kind,"
                + " message, created_at) VALUES (:id, :ws, :user, :post, NULL, :kind, :msg, :now)")
        .bind("id", id)
        .bind("ws", ws.value())
        .bind("user", userId)
        .bind("post", post.value())
        .bind("kind", kind)
        .bind("msg", message)
        .bind("now", now.toEpochMilli())
        .execute();
  }
}
