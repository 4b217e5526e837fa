package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Attachments of drafts, kept in the database with their alt text. An attachment is refused before
 * it is stored when any channel that would carry it cannot take its type, size or number, with the
 * limit named ({@link MediaRules}); and the workspace's "require alt text" setting lives here.
 */
public final class PostMedia {
  /** An attachment's bytes, for its thumbnail. */
  public record Content(String mimeType, byte[] bytes) {}

  private final Database db;
  private final Drafts drafts;
  private final ChannelStore channels;
  private final PublishLimits limits;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public PostMedia(
      Database db,
      Drafts drafts,
      ChannelStore channels,
      PublishLimits limits,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.drafts = drafts;
    this.channels = channels;
    this.limits = limits;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Attaches an image to part {@code partIndex} of the draft's base text ({@code channel} null) or
   * of its tailored variant for {@code channel}; returns the attachment's id.
   *
   * @throws Invalid (field {@code media}) naming the limit when a channel that would carry it
   *     refuses it, or (field {@code alt}) when alt text is required and missing
   */
  public String attach(
      Actor actor,
      PostId post,
      ChannelId channel,
      int partIndex,
      String mimeType,
      byte[] bytes,
      String altText) {
    actor.require(Role.CONTRIBUTOR, "write drafts");
    if (bytes == null || bytes.length == 0) throw new Invalid("media", "the file is empty");
    if (bytes.length > MediaRules.MAX_UPLOAD_BYTES) {
      throw new Invalid(
          "media", "no channel takes files over " + MediaRules.bytes(MediaRules.MAX_UPLOAD_BYTES));
    }
    String alt = altText == null || altText.isBlank() ? null : altText.strip();
    WorkspaceId ws = actor.workspace().id();
    PostDetail detail = drafts.find(actor, post);
    if (partIndex < 0 || partIndex >= Math.max(1, partsOf(detail, channel))) {
      throw new Invalid("part", "no such part");
    }
    if (alt == null && requireAltText(ws)) {
      throw new Invalid("alt", "this workspace requires alt text on every image");
    }
    int position = detail.mediaOf(channel, partIndex).size();
    for (Channel c : carriers(detail, channel, ws)) {
      PublishLimits.Answer a = limits.of(c);
      if (a.limits() == null) continue; // validation reports a channel that cannot post
      String refusal =
          MediaRules.refusal(c.network(), a.limits(), mimeType, bytes.length, position);
      if (refusal != null) throw new Invalid("media", c.name() + ": " + refusal);
    }
    // With no channel chosen yet nothing above looked at the type: only images are kept.
    if (!MediaRules.anyTakes(mimeType)) {
      throw new Invalid(
          "media",
          "choose a JPEG, PNG, WebP or GIF image"
              + (mimeType == null || mimeType.isBlank() ? "" : ", not " + mimeType));
    }
    String id = ids.get();
    db.inTransaction(
        h -> {
          drafts.editable(h, actor, post);
          String variant = channel == null ? null : variantId(h, post, channel);
          h.createUpdate(
                  "INSERT INTO post_media (id, post_id, workspace_id, variant_id, part_index,"
                      + " position, mime_type, size_bytes, alt_text, bytes, created_at) VALUES"
                      + " (:id, :p, :ws, :v, :part, :pos, :mime, :size, :alt, :bytes, :now)")
              .bind("id", id)
              .bind("p", post.value())
              .bind("ws", ws.value())
              .bind("v", variant)
              .bind("part", partIndex)
              .bind("pos", position)
              .bind("mime", mimeType.toLowerCase(java.util.Locale.ROOT))
              .bind("size", (long) bytes.length)
              .bind("alt", alt)
              .bind("bytes", bytes)
              .bind("now", clock.millis())
              .execute();
          audit.record(h, ws, actor.who(), "post.media_attached", post.value(), id);
          return null;
        });
    return id;
  }

  /** Changes an attachment's alt text (blank removes it). */
  public void describe(Actor actor, PostId post, String mediaId, String altText) {
    actor.require(Role.CONTRIBUTOR, "write drafts");
    String alt = altText == null || altText.isBlank() ? null : altText.strip();
    db.inTransaction(
        h -> {
          drafts.editable(h, actor, post);
          int n =
              h.createUpdate(
                      "UPDATE post_media SET alt_text = :alt WHERE id = :id AND post_id = :p")
                  .bind("alt", alt)
                  .bind("id", mediaId)
                  .bind("p", post.value())
                  .execute();
          if (n == 0) throw new NotFound("No such attachment.");
          return null;
        });
  }

  /** Removes an attachment; the ones after it in its part move up. */
  public void remove(Actor actor, PostId post, String mediaId) {
    actor.require(Role.CONTRIBUTOR, "write drafts");
    db.inTransaction(
        h -> {
          drafts.editable(h, actor, post);
          var row =
              h.createQuery(
                      "SELECT variant_id, part_index, position FROM post_media WHERE id = :id AND"
                          + " post_id = :p")
                  .bind("id", mediaId)
                  .bind("p", post.value())
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> new NotFound("No such attachment."));
          h.createUpdate("DELETE FROM post_media WHERE id = :id").bind("id", mediaId).execute();
          h.createUpdate(
                  "UPDATE post_media SET position = position - 1 WHERE post_id = :p AND"
                      + " part_index = :part AND position > :pos AND "
                      + (row.get("variant_id") == null ? "variant_id IS NULL" : "variant_id = :v"))
              .bind("p", post.value())
              .bind("part", ((Number) row.get("part_index")).intValue())
              .bind("pos", ((Number) row.get("position")).intValue())
              .bind("v", (String) row.get("variant_id"))
              .execute();
          audit.record(
              h, actor.workspace().id(), actor.who(), "post.media_removed", post.value(), mediaId);
          return null;
        });
  }

  /** An attachment of a post in {@code ws}, with its bytes. */
  public Optional<Content> content(WorkspaceId ws, String mediaId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT mime_type, bytes FROM post_media WHERE id = :id AND workspace_id ="
                        + " :ws")
                .bind("id", mediaId)
                .bind("ws", ws.value())
                .map((rs, ctx) -> new Content(rs.getString("mime_type"), rs.getBytes("bytes")))
                .findOne());
  }

  /** Whether every image needs alt text before the workspace's posts are scheduled. */
  public boolean requireAltText(WorkspaceId ws) {
    return db.read(h -> requireAltText(h, ws));
  }

  public boolean requireAltText(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT require_alt_text FROM publishing_settings WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .mapTo(Integer.class)
        .findOne()
        .map(v -> v == 1)
        .orElse(false);
  }

  /** Sets the workspace's alt text rule (admins and owners). */
  public void setRequireAltText(Actor actor, boolean required) {
    actor.require(Role.ADMIN, "change publishing settings");
    WorkspaceId ws = actor.workspace().id();
    long now = clock.millis();
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE publishing_settings SET require_alt_text = :r, updated_at = :now"
                          + " WHERE workspace_id = :ws")
                  .bind("r", required ? 1 : 0)
                  .bind("now", now)
                  .bind("ws", ws.value())
                  .execute();
          if (n == 0) {
            h.createUpdate(
                    "INSERT INTO publishing_settings (workspace_id, missed_posts, require_alt_text,"
                        + " updated_at) VALUES (:ws, :m, :r, :now)")
                .bind("ws", ws.value())
                .bind("m", MissedPosts.SEND.key())
                .bind("r", required ? 1 : 0)
                .bind("now", now)
                .execute();
          }
          audit.record(
              h,
              ws,
              actor.who(),
              "publishing.require_alt_text",
              ws.value(),
              required ? "on" : "off");
          return null;
        });
  }

  private static int partsOf(PostDetail detail, ChannelId channel) {
    if (channel == null) return detail.draft().parts().size();
    return detail.draft().variants().stream()
        .filter(v -> v.channel().equals(channel) && v.tailored())
        .findFirst()
        .map(v -> v.parts().size())
        .orElseThrow(() -> new Invalid("channel", "that channel's post is not tailored"));
  }

  /** The channels that would carry an attachment of the base text or of one variant. */
  private List<Channel> carriers(PostDetail detail, ChannelId channel, WorkspaceId ws) {
    List<Channel> out = new ArrayList<>();
    for (Draft.Variant v : detail.draft().variants()) {
      boolean carries = channel == null ? !v.tailored() : v.channel().equals(channel);
      if (carries) db.read(h -> channels.find(h, ws, v.channel())).ifPresent(out::add);
    }
    return out;
  }

  private static String variantId(Handle h, PostId post, ChannelId channel) {
    return h.createQuery(
            "SELECT id FROM post_variants WHERE post_id = :p AND channel_id = :c AND tailored = 1")
        .bind("p", post.value())
        .bind("c", channel.value())
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> new Invalid("channel", "that channel's post is not tailored"));
  }
}
