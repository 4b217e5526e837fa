package dev.chorus.core.publishing;

import java.time.Instant;
import java.util.Objects;

/**
 * What the author of a post was told about it.
 *
 * @param kind {@code failed} or {@code held} from the scheduler; approvals add others (such as
 *     {@code approved} and {@code rejected})
 * @param deliveryId the delivery it is about, or null when it is about the whole post
 * @param channelName that delivery's channel, or null
 * @param postText the post's text, for a line of context
 * @param readAt when the user marked it read, or null while unread
 */
public record PostNotice(
    String id,
    PostId postId,
    DeliveryId deliveryId,
    String channelName,
    String kind,
    String message,
    String postText,
    Instant createdAt,
    Instant readAt) {
  public PostNotice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(postText, "postText");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean unread() {
    return readAt == null;
  }
}
