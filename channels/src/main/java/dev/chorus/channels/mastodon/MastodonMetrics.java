package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.PostMetrics;
import dev.chorus.core.channel.ReadsPostMetrics.Outcome;
import dev.chorus.core.channel.RemoteRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the counts of statuses, one {@code GET /api/v1/statuses/:id} each: {@code
 * favourites_count}, {@code reblogs_count}, {@code replies_count}, and {@code quotes_count} where
 * the instance has quote posts (Mastodon 4.5 and later; -1 before). A status that is gone (404,
 * 410) fails on its own; any other failure concerns the account or the instance, so reading stops
 * there and the rest get that failure.
 */
final class MastodonMetrics {
  private final MastodonClient api;

  MastodonMetrics(MastodonClient api) {
    this.api = api;
  }

  Map<RemoteRef, Outcome> read(List<RemoteRef> posts) {
    Map<RemoteRef, Outcome> out = new LinkedHashMap<>();
    ChannelFailure stopped = null;
    for (RemoteRef post : posts) {
      if (out.containsKey(post)) continue;
      if (stopped != null) {
        out.put(post, Outcome.failed(stopped));
        continue;
      }
      try {
        JsonNode status =
            api.get(
                    "/api/v1/statuses/" + MastodonClient.enc(post.id()),
                    "reading the counts of post " + post.id())
                .json();
        out.put(post, Outcome.read(counts(status)));
      } catch (ChannelFailure f) {
        // Deleted, or never there: only this post is affected, and asking again will not help.
        if (f.status() != 404 && f.status() != 410) stopped = f;
        out.put(post, Outcome.failed(f));
      }
    }
    return out;
  }

  static PostMetrics counts(JsonNode status) {
    return new PostMetrics(
        count(status, "favourites_count"),
        count(status, "reblogs_count"),
        count(status, "replies_count"),
        count(status, "quotes_count"));
  }

  private static long count(JsonNode status, String field) {
    JsonNode n = status.path(field);
    return n.isIntegralNumber() && n.asLong() >= 0 ? n.asLong() : -1;
  }
}
