package dev.chorus.web.api;

import dev.chorus.core.publishing.DeliveryProblem;
import dev.chorus.core.publishing.PostNotice;
import java.time.Instant;

/** The JSON shapes of failed and held deliveries, notices and publishing settings. */
public final class PublishingDto {
  private PublishingDto() {}

  /**
   * A failed or held delivery. {@code key_expired}: the network no longer recognises the earlier
   * attempts, so a retry may post twice if one of them got through.
   */
  public record DeliveryProblemJson(
      String id,
      String postId,
      String channelId,
      String channelName,
      String network,
      String status,
      String text,
      String reason,
      int attempts,
      Instant dueAt,
      @Nullable Instant firstAttemptAt,
      @Nullable Instant since,
      @Nullable String authorName,
      boolean keyExpired) {
    static DeliveryProblemJson of(DeliveryProblem p) {
      return new DeliveryProblemJson(
          p.id().value(),
          p.postId().value(),
          p.channelId().value(),
          p.channelName(),
          p.network().key(),
          p.status(),
          p.text(),
          p.reason(),
          p.attempts(),
          p.dueAt(),
          p.firstAttemptAt(),
          p.since(),
          p.authorName(),
          p.keyExpired());
    }
  }

  /** What an action on a delivery did: its status now (scheduled again, or cancelled). */
  public record DeliveryActionJson(String id, String status) {}

  public record NoticeJson(
      String id,
      String postId,
      @Nullable String deliveryId,
      @Nullable String channelName,
      String kind,
      String message,
      String postText,
      Instant createdAt,
      @Nullable Instant readAt) {
    static NoticeJson of(PostNotice n) {
      return new NoticeJson(
          n.id(),
          n.postId().value(),
          n.deliveryId() == null ? null : n.deliveryId().value(),
          n.channelName(),
          n.kind(),
          n.message(),
          n.postText(),
          n.createdAt(),
          n.readAt());
    }
  }

  public record NoticesReadJson(int marked) {}

  /** {@code missed_posts}: send or hold. */
  public record PublishingSettingsJson(String missedPosts) {}

  public record PublishingSettingsRequest(String missedPosts) {}
}
