package dev.chorus.core.publishing;

import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.RemoteRef;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The parts of a delivery that carries a thread or attachments: what each part says, which
 * attachments it has, and — once the network took it — its remote id, recorded part by part so a
 * retry sends only what is left.
 */
public final class DeliveryParts {
  /**
   * One part of a delivery.
   *
   * @param sent the part on the network, or null while it is not
   */
  public record Part(int position, String body, RemoteRef sent) {}

  /** The parts of {@code delivery}, in order. */
  public List<Part> parts(Handle h, DeliveryId delivery) {
    return h.createQuery(
            "SELECT position, body, remote_id, remote_url, remote_cid FROM delivery_parts WHERE"
                + " delivery_id = :d ORDER BY position")
        .bind("d", delivery.value())
        .map(
            (rs, ctx) ->
                new Part(
                    rs.getInt("position"),
                    rs.getString("body"),
                    rs.getString("remote_id") == null
                        ? null
                        : new RemoteRef(
                            rs.getString("remote_id"),
                            rs.getString("remote_url"),
                            rs.getString("remote_cid"))))
        .list();
  }

  /** The attachments of one part, in order, with their bytes. */
  public List<OutgoingPost.Media> media(Handle h, DeliveryId delivery, int position) {
    return h.createQuery(
            "SELECT m.bytes, m.mime_type, m.alt_text FROM delivery_part_media dm JOIN post_media m"
                + " ON m.id = dm.media_id WHERE dm.delivery_id = :d AND dm.position = :p ORDER BY"
                + " dm.ordinal")
        .bind("d", delivery.value())
        .bind("p", position)
        .map(
            (rs, ctx) ->
                new OutgoingPost.Media(
                    rs.getBytes("bytes"), rs.getString("mime_type"), rs.getString("alt_text")))
        .list();
  }

  /**
   * Records that the network took part {@code position} of {@code d}; false when {@code d}'s lease
   * was lost to another claim (which then owns the rest of the thread).
   */
  public boolean sent(Handle h, Delivery d, int position, RemoteRef ref, Instant now) {
    return h.createUpdate(
                "UPDATE delivery_parts SET remote_id = :rid, remote_url = :url, remote_cid = :cid,"
                    + " published_at = :now WHERE delivery_id = :d AND position = :p AND EXISTS"
                    + " (SELECT 1 FROM deliveries WHERE id = :d AND lease_owner = :owner)")
            .bind("rid", ref.id())
            .bind("url", ref.url())
            .bind("cid", ref.cid())
            .bind("now", now.toEpochMilli())
            .bind("d", d.id().value())
            .bind("p", position)
            .bind("owner", d.leaseOwner())
            .execute()
        == 1;
  }
}
