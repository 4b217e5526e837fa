package dev.chorus.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A connector that can read the counts (likes, reposts, replies, quotes) of posts. */
public interface ReadsPostMetrics extends Connector {
  /**
   * The current counts of {@code posts}, one outcome per distinct post, in the order asked. It does
   * not throw for a network's refusal: a post that is gone gets a non-retryable failure of its own
   * and the others are still read; a failure of the whole account (a revoked token, a rate limit,
   * an unreachable server) stops the reading, and every post not read yet gets that failure, with
   * what the network said about retrying.
   */
  Map<RemoteRef, Outcome> metrics(List<RemoteRef> posts);

  /** One post's counts, or why they could not be read: exactly one of the two is set. */
  record Outcome(PostMetrics metrics, ChannelFailure failure) {
    public Outcome {
      if ((metrics == null) == (failure == null)) {
        throw new IllegalArgumentException("an outcome has either metrics or a failure");
      }
    }

    public static Outcome read(PostMetrics metrics) {
      return new Outcome(Objects.requireNonNull(metrics, "metrics"), null);
    }

    public static Outcome failed(ChannelFailure failure) {
      return new Outcome(null, Objects.requireNonNull(failure, "failure"));
    }

    public boolean ok() {
      return metrics != null;
    }
  }
}
