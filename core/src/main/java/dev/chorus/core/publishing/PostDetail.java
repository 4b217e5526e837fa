package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import java.time.Instant;
import java.util.List;

/**
 * A post as the composer and the post page show it.
 *
 * @param authorId null for an automation's post or a deleted account
 * @param dueAt null for a draft
 * @param timeZone the IANA zone it was scheduled in, or null
 */
public record PostDetail(
    PostId id,
    String status,
    String authorId,
    String authorName,
    Draft draft,
    Instant dueAt,
    String timeZone,
    Instant createdAt,
    Instant updatedAt,
    List<Media> media,
    List<DeliveryStatus> deliveries) {
  public PostDetail {
    media = List.copyOf(media);
    deliveries = List.copyOf(deliveries);
  }

  /**
   * An attachment (without its bytes).
   *
   * @param channel the tailored variant it belongs to, or null for the base text
   * @param altText null when none was given
   */
  public record Media(
      String id,
      ChannelId channel,
      int partIndex,
      int position,
      String mimeType,
      long sizeBytes,
      String altText) {}

  /**
   * How the post is doing on one channel.
   *
   * @param remoteUrl the post on the network, or null
   * @param lastError the latest failure, or null
   * @param partsSent how many parts of the thread are on the network
   */
  public record DeliveryStatus(
      DeliveryId id,
      ChannelId channel,
      String status,
      int attempts,
      String remoteUrl,
      String lastError,
      Instant publishedAt,
      int parts,
      int partsSent) {}

  /** Whether an editor can still change it in the composer. */
  public boolean editable() {
    return status.equals("draft") || status.equals("rejected");
  }

  /** The attachments of one part of the base text ({@code channel} null) or of a variant. */
  public List<Media> mediaOf(ChannelId channel, int part) {
    return media.stream()
        .filter(
            m ->
                m.partIndex() == part
                    && (channel == null ? m.channel() == null : channel.equals(m.channel())))
        .toList();
  }
}
