package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The composer's drafts: saving a post (its base text, thread parts, content warning and a variant
 * per channel) before any delivery exists, changing it, deleting it, and reading posts back.
 * Contributors and above write drafts; a contributor changes only their own. A draft's variants
 * keep their ids across saves (attachments hang on them); its parts are rewritten on every save.
 */
public final class Drafts {
  private final Database db;
  private final ChannelStore channels;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public Drafts(
      Database db, ChannelStore channels, AuditLog audit, Supplier<String> ids, Clock clock) {
    this.db = db;
    this.channels = channels;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** A line of the drafts list. {@code firstPart} is the base text's first part, or "". */
  public record Summary(
      PostId id,
      String status,
      String authorName,
      String firstPart,
      int channels,
      Instant dueAt,
      Instant updatedAt) {}

  /** Saves a new draft and returns its id. */
  public PostId create(Actor actor, Draft draft) {
    actor.require(Role.CONTRIBUTOR, "write drafts");
    WorkspaceId ws = actor.workspace().id();
    return db.inTransaction(
        h -> {
          checkChannels(h, ws, draft);
          PostId post = new PostId(ids.get());
          long now = clock.millis();
          h.createUpdate(
                  "INSERT INTO posts (id, workspace_id, author_id, status, body, content_warning,"
                      + " created_at, updated_at) VALUES (:id, :ws, :author, 'draft', :body, :cw,"
                      + " :now, :now)")
              .bind("id", post.value())
              .bind("ws", ws.value())
              .bind("author", actor.user().id().value())
              .bind("body", draft.parts().isEmpty() ? "" : draft.parts().get(0))
              .bind("cw", draft.contentWarning())
              .bind("now", now)
              .execute();
          write(h, post, draft);
          audit.record(h, ws, actor.who(), "post.draft_created", post.value(), null);
          return post;
        });
  }

  /**
   * Replaces a draft's content.
   *
   * @throws NotFound when the post is not in the actor's workspace
   * @throws Conflict when it is no longer a draft (scheduled, sent, waiting for approval)
   */
  public void update(Actor actor, PostId post, Draft draft) {
    actor.require(Role.CONTRIBUTOR, "write drafts");
    WorkspaceId ws = actor.workspace().id();
    db.inTransaction(
        h -> {
          // Editing a post that waits for approval takes it back to draft: an approval applies to
          // what was approved, never to later edits (rolled back if this actor may not edit it).
          new dev.chorus.core.publishing.approvals.ApprovalStore()
              .withdraw(h, ws, post, clock.instant());
          editable(h, actor, post);
          checkChannels(h, ws, draft);
          h.createUpdate(
                  "UPDATE posts SET body = :body, content_warning = :cw, updated_at = :now WHERE"
                      + " id = :id")
              .bind("body", draft.parts().isEmpty() ? "" : draft.parts().get(0))
              .bind("cw", draft.contentWarning())
              .bind("now", clock.millis())
              .bind("id", post.value())
              .execute();
          write(h, post, draft);
          audit.record(h, ws, actor.who(), "post.draft_updated", post.value(), null);
          return null;
        });
  }

  /** Deletes a draft with its attachments. */
  public void delete(Actor actor, PostId post) {
    actor.require(Role.CONTRIBUTOR, "delete drafts");
    WorkspaceId ws = actor.workspace().id();
    db.inTransaction(
        h -> {
          editable(h, actor, post);
          h.createUpdate("DELETE FROM posts WHERE id = :id").bind("id", post.value()).execute();
          audit.record(h, ws, actor.who(), "post.draft_deleted", post.value(), null);
          return null;
        });
  }

  /**
   * Checks that {@code actor} may change {@code post} on {@code h}: it is in their workspace, still
   * a draft (or rejected), and theirs unless they are an editor.
   */
  void editable(Handle h, Actor actor, PostId post) {
    Map<String, Object> row =
        h.createQuery("SELECT status, author_id FROM posts WHERE id = :id AND workspace_id = :ws")
            .bind("id", post.value())
            .bind("ws", actor.workspace().id().value())
            .mapToMap()
            .findOne()
            .orElseThrow(() -> new NotFound("No such post."));
    String status = (String) row.get("status");
    if (!status.equals("draft") && !status.equals("rejected")) {
      throw new Conflict("The post is " + status.replace('_', ' ') + ", no longer a draft.");
    }
    if (!actor.role().atLeast(Role.EDITOR)
        && !actor.user().id().value().equals(row.get("author_id"))) {
      throw new NotPermitted("Contributors change only their own drafts.");
    }
  }

  private void checkChannels(Handle h, WorkspaceId ws, Draft draft) {
    for (Draft.Variant v : draft.variants()) {
      if (channels.find(h, ws, v.channel()).isEmpty()) {
        throw new Invalid("channels", "no such channel: " + v.channel());
      }
    }
  }

  private void write(Handle h, PostId post, Draft draft) {
    Map<String, String> existing = new HashMap<>();
    h.createQuery("SELECT id, channel_id FROM post_variants WHERE post_id = :p")
        .bind("p", post.value())
        .mapToMap()
        .forEach(r -> existing.put((String) r.get("channel_id"), (String) r.get("id")));
    List<String> kept = new ArrayList<>();
    for (Draft.Variant v : draft.variants()) kept.add(v.channel().value());
    for (Map.Entry<String, String> e : existing.entrySet()) {
      if (!kept.contains(e.getKey())) {
        h.createUpdate("DELETE FROM post_variants WHERE id = :id")
            .bind("id", e.getValue())
            .execute();
      }
    }
    h.createUpdate("DELETE FROM post_parts WHERE post_id = :p").bind("p", post.value()).execute();
    insertParts(h, post, null, draft.parts());
    for (int i = 0; i < draft.variants().size(); i++) {
      Draft.Variant v = draft.variants().get(i);
      String id = existing.get(v.channel().value());
      if (id == null) {
        id = ids.get();
        h.createUpdate(
                "INSERT INTO post_variants (id, post_id, channel_id, position, tailored,"
                    + " content_warning) VALUES (:id, :p, :c, :pos, :t, :cw)")
            .bind("id", id)
            .bind("p", post.value())
            .bind("c", v.channel().value())
            .bind("pos", i)
            .bind("t", v.tailored() ? 1 : 0)
            .bind("cw", v.contentWarning())
            .execute();
      } else {
        h.createUpdate(
                "UPDATE post_variants SET position = :pos, tailored = :t, content_warning = :cw"
                    + " WHERE id = :id")
            .bind("id", id)
            .bind("pos", i)
            .bind("t", v.tailored() ? 1 : 0)
            .bind("cw", v.contentWarning())
            .execute();
      }
      if (v.tailored()) insertParts(h, post, id, v.parts());
      // Attachments of parts that are gone go with them (a part 0 always stays, even empty).
      h.createUpdate("DELETE FROM post_media WHERE variant_id = :v AND part_index >= :n")
          .bind("v", id)
          .bind("n", Math.max(1, v.tailored() ? v.parts().size() : 1))
          .execute();
    }
    h.createUpdate(
            "DELETE FROM post_media WHERE post_id = :p AND variant_id IS NULL AND part_index >= :n")
        .bind("p", post.value())
        .bind("n", Math.max(1, draft.parts().size()))
        .execute();
  }

  private void insertParts(Handle h, PostId post, String variant, List<String> parts) {
    for (int i = 0; i < parts.size(); i++) {
      h.createUpdate(
              "INSERT INTO post_parts (id, post_id, variant_id, position, body) VALUES (:id, :p,"
                  + " :v, :i, :body)")
          .bind("id", ids.get())
          .bind("p", post.value())
          .bind("v", variant)
          .bind("i", i)
          .bind("body", parts.get(i))
          .execute();
    }
  }

  /** The post {@code post} of the actor's workspace. */
  public PostDetail find(Actor actor, PostId post) {
    return db.read(h -> find(h, actor.workspace().id(), post))
        .orElseThrow(() -> new NotFound("No such post."));
  }

  /** The post {@code post} of {@code ws}, read on {@code h}. */
  public Optional<PostDetail> find(Handle h, WorkspaceId ws, PostId post) {
    Optional<Map<String, Object>> row =
        h.createQuery(
                "SELECT p.*, u.display_name FROM posts p LEFT JOIN users u ON u.id = p.author_id"
                    + " WHERE p.id = :id AND p.workspace_id = :ws")
            .bind("id", post.value())
            .bind("ws", ws.value())
            .mapToMap()
            .findOne();
    if (row.isEmpty()) return Optional.empty();
    Map<String, Object> p = row.get();
    Map<String, List<String>> partsByVariant = new HashMap<>();
    h.createQuery(
            "SELECT variant_id, body FROM post_parts WHERE post_id = :p ORDER BY variant_id,"
                + " position")
        .bind("p", post.value())
        .mapToMap()
        .forEach(
            r ->
                partsByVariant
                    .computeIfAbsent(
                        r.get("variant_id") == null ? "" : (String) r.get("variant_id"),
                        k -> new ArrayList<>())
                    .add((String) r.get("body")));
    List<String> base = partsByVariant.get("");
    if (base == null) {
      // A post scheduled without the composer (automation, import): its body is its only part.
      String body = (String) p.get("body");
      base = body == null || body.isBlank() ? List.of() : List.of(body);
    }
    List<Draft.Variant> variants = new ArrayList<>();
    Map<String, ChannelId> channelOfVariant = new HashMap<>();
    for (Map<String, Object> v :
        h.createQuery("SELECT * FROM post_variants WHERE post_id = :p ORDER BY position")
            .bind("p", post.value())
            .mapToMap()
            .list()) {
      ChannelId c = new ChannelId((String) v.get("channel_id"));
      channelOfVariant.put((String) v.get("id"), c);
      boolean tailored = ((Number) v.get("tailored")).intValue() == 1;
      variants.add(
          new Draft.Variant(
              c,
              tailored,
              partsByVariant.getOrDefault((String) v.get("id"), List.of()),
              (String) v.get("content_warning")));
    }
    List<PostDetail.DeliveryStatus> deliveries =
        h.createQuery(
                "SELECT d.*, (SELECT COUNT(*) FROM delivery_parts dp WHERE dp.delivery_id = d.id"
                    + " AND dp.remote_id IS NOT NULL) AS sent FROM deliveries d WHERE d.post_id ="
                    + " :p ORDER BY d.channel_id")
            .bind("p", post.value())
            .map(
                (rs, ctx) ->
                    new PostDetail.DeliveryStatus(
                        new DeliveryId(rs.getString("id")),
                        new ChannelId(rs.getString("channel_id")),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("remote_url"),
                        rs.getString("last_error"),
                        instant(rs.getObject("published_at")),
                        Math.max(1, rs.getInt("parts")),
                        rs.getInt("parts") == 0
                            ? (rs.getString("remote_id") == null ? 0 : 1)
                            : rs.getInt("sent")))
            .list();
    if (variants.isEmpty()) {
      // Scheduled without the composer: the channels are its deliveries'.
      for (PostDetail.DeliveryStatus d : deliveries) variants.add(Draft.Variant.base(d.channel()));
    }
    List<PostDetail.Media> media =
        h.createQuery(
                "SELECT id, variant_id, part_index, position, mime_type, size_bytes, alt_text FROM"
                    + " post_media WHERE post_id = :p ORDER BY part_index, position")
            .bind("p", post.value())
            .map(
                (rs, ctx) ->
                    new PostDetail.Media(
                        rs.getString("id"),
                        rs.getString("variant_id") == null
                            ? null
                            : channelOfVariant.get(rs.getString("variant_id")),
                        rs.getInt("part_index"),
                        rs.getInt("position"),
                        rs.getString("mime_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("alt_text")))
            .list();
    return Optional.of(
        new PostDetail(
            post,
            (String) p.get("status"),
            (String) p.get("author_id"),
            (String) p.get("display_name"),
            new Draft(base, (String) p.get("content_warning"), variants),
            instant(p.get("due_at")),
            (String) p.get("time_zone"),
            instant(p.get("created_at")),
            instant(p.get("updated_at")),
            media,
            deliveries));
  }

  /**
   * The workspace's posts with one of {@code statuses}, the latest change first.
   *
   * @param limit at most this many
   */
  public List<Summary> list(Actor actor, List<String> statuses, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT p.id, p.status, p.body, p.due_at, p.updated_at, u.display_name, (SELECT"
                        + " COUNT(*) FROM post_variants v WHERE v.post_id = p.id) AS n FROM posts"
                        + " p LEFT JOIN users u ON u.id = p.author_id WHERE p.workspace_id = :ws"
                        + " AND p.status IN (<statuses>) ORDER BY p.updated_at DESC, p.id LIMIT"
                        + " :limit")
                .bind("ws", actor.workspace().id().value())
                .bindList("statuses", statuses)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Summary(
                            new PostId(rs.getString("id")),
                            rs.getString("status"),
                            rs.getString("display_name"),
                            rs.getString("body"),
                            rs.getInt("n"),
                            instant(rs.getObject("due_at")),
                            instant(rs.getObject("updated_at"))))
                .list());
  }

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }
}
