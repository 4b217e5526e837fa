package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery as a scheduler claimed it.
 *
 * @param attempts attempts so far, counting the one this claim starts
 * @param firstAttemptAt when the first attempt started (the idempotency window counts from it)
 * @param authorId the post's author, or null when the account is gone
 * @param contentWarning null for none
 * @param leaseOwner the claim that holds the lease; only it may settle the delivery
 * @param parts how many delivery_parts rows carry its thread and media (0: {@code body} alone)
 */
public record Delivery(
    DeliveryId id,
    PostId postId,
    WorkspaceId workspaceId,
    ChannelId channelId,
    String body,
    String contentWarning,
    Instant dueAt,
    int attempts,
    Instant firstAttemptAt,
    String authorId,
    String leaseOwner,
    int parts) {
  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(leaseOwner, "leaseOwner");
  }

  /** The key the network dedupes on: the delivery's id, the same on every attempt. */
  public String idempotencyKey() {
    return id.value();
  }

  /**
   * The key of one part of a thread: the delivery's id for the first (so a one-part delivery keeps
   * the key it always had), "id-n" for the next ones.
   */
  public String idempotencyKey(int part) {
    return part == 0 ? id.value() : id.value() + "-" + part;
  }
}
