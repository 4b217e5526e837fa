package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.PostMetrics;
import dev.chorus.core.channel.ReadsPostMetrics.Outcome;
import dev.chorus.core.channel.RemoteRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the counts of posts through {@code app.bsky.feed.getPosts}, 25 posts a call (the lexicon's
 * limit): {@code likeCount}, {@code repostCount}, {@code replyCount}, {@code quoteCount} (-1 when a
 * view leaves one out). getPosts silently leaves out posts it cannot show (deleted, or hidden from
 * this account), so each of those fails on its own; a refused call (no AppView, a rate limit, a
 * refused session) stops the reading and every post not read yet gets that failure.
 */
final class BlueskyMetrics {
  static final int BATCH = 25;
  private static final String ACTION = "reading the counts of posts";

  private final BlueskySession session;

  BlueskyMetrics(BlueskySession session) {
    this.session = session;
  }

  Map<RemoteRef, Outcome> read(List<RemoteRef> posts) {
    Map<RemoteRef, Outcome> out = new LinkedHashMap<>();
    List<RemoteRef> asked = new ArrayList<>();
    for (RemoteRef post : posts) {
      if (out.containsKey(post) || asked.contains(post)) continue;
      try {
        AtUri.parse(post.id());
        asked.add(post);
      } catch (ChannelFailure notAPost) {
        out.put(post, Outcome.failed(notAPost));
      }
    }
    ChannelFailure stopped = null;
    for (int from = 0; from < asked.size(); from += BATCH) {
      List<RemoteRef> batch = asked.subList(from, Math.min(asked.size(), from + BATCH));
      if (stopped == null) {
        Xrpc.Reply r =
            session.getEach(
                "app.bsky.feed.getPosts",
                "uris",
                batch.stream().map(RemoteRef::id).toList(),
                ACTION);
        if (r.ok()) {
          Map<String, JsonNode> views = new HashMap<>();
          for (JsonNode v : r.json().path("posts")) views.put(v.path("uri").asText(), v);
          for (RemoteRef post : batch) {
            JsonNode view = views.get(post.id());
            out.put(post, view == null ? Outcome.failed(gone(post)) : Outcome.read(counts(view)));
          }
          continue;
        }
        stopped = r.failure(ACTION);
      }
      for (RemoteRef post : batch) out.put(post, Outcome.failed(stopped));
    }
    // Back in the order asked.
    Map<RemoteRef, Outcome> ordered = new LinkedHashMap<>();
    for (RemoteRef post : posts) {
      if (!ordered.containsKey(post)) ordered.put(post, out.get(post));
    }
    return ordered;
  }

  static PostMetrics counts(JsonNode view) {
    return new PostMetrics(
        count(view, "likeCount"),
        count(view, "repostCount"),
        count(view, "replyCount"),
        count(view, "quoteCount"));
  }

  private static long count(JsonNode view, String field) {
    JsonNode n = view.path(field);
    return n.isIntegralNumber() && n.asLong() >= 0 ? n.asLong() : -1;
  }

  private static ChannelFailure gone(RemoteRef post) {
    // The call succeeded; only this post is missing, and asking again will not bring it back.
    return new ChannelFailure(
        "Bluesky, "
            + ACTION
            + ": "
            + post.id()
            + " was not found (deleted, or not visible to this account)",
        false,
        null,
        200,
        null);
  }
}
