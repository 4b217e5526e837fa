package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import java.util.function.Supplier;

/**
 * Rewrites a delivery's post just before it is sent (tracked links: {@code
 * publishing.links.WrapLinks}). It must give the same result on every attempt of a delivery, since
 * the idempotency key promises the network the same post.
 */
public interface LinkRewriter {
  /** Leaves every post as written. */
  LinkRewriter NONE = (d, key, network, limits, post) -> post;

  /**
   * The post to send for {@code d} (or one part of its thread) on a channel of {@code network} with
   * these limits.
   *
   * @param idempotencyKey the key this post is sent with (each part of a thread has its own)
   * @throws NotStored when what the rewrite needs could not be stored; the delivery is not sent and
   *     its lease runs out, so it is tried again
   */
  OutgoingPost rewrite(
      Delivery d,
      String idempotencyKey,
      Network network,
      Supplier<ChannelLimits> limits,
      OutgoingPost post);

  /** The store refused what a rewrite needed: try the delivery again later. */
  final class NotStored extends RuntimeException {
    public NotStored(Throwable cause) {
      super("the tracked links could not be stored: " + cause.getMessage(), cause);
    }
  }
}
