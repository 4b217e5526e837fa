package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.Network;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery that needs someone: failed (with the network's or Chorus's reason) or held (it fell
 * due while Chorus was not running, in a workspace that holds such posts).
 *
 * @param status {@code failed} or {@code held}
 * @param reason why it failed or was held, as the author was told
 * @param attempts attempts in its last round (a retry starts a new round)
 * @param firstAttemptAt when its first attempt started, or null when it was never tried
 * @param since when it failed or was held, or null when no notice recorded it
 * @param authorName the post's author, or null when the account is gone or an automation wrote it
 * @param keyExpired true when the network no longer recognises the earlier attempts' idempotency
 *     key: if one of them reached it, a retry posts a second copy (see {@link RetryDelivery})
 */
public record DeliveryProblem(
    DeliveryId id,
    PostId postId,
    ChannelId channelId,
    String channelName,
    Network network,
    String status,
    String text,
    String reason,
    int attempts,
    Instant dueAt,
    Instant firstAttemptAt,
    Instant since,
    String authorName,
    boolean keyExpired) {
  public DeliveryProblem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(dueAt, "dueAt");
  }

  public boolean failed() {
    return Deliveries.FAILED.equals(status);
  }

  public boolean held() {
    return Deliveries.HELD.equals(status);
  }
}
