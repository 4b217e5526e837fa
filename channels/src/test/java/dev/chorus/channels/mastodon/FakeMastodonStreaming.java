package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.FakeMastodon.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FakeMastodon's streaming API: {@code GET /api/v1/streaming} upgraded to a WebSocket, the token in
 * the Authorization header (or {@code access_token}), {@code stream=user:notification} or {@code
 * stream=hashtag&tag=...}; events as {@code {"stream": [...], "event": ..., "payload": "<JSON
 * string>"}}.
 */
final class FakeMastodonStreaming {
  final Map<WsContext, String> sessions = new ConcurrentHashMap<>();
  final AtomicInteger connections = new AtomicInteger();
  final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

  /** While true, upgrades are refused with 503, as a restarting instance does. */
  volatile boolean refusing;

  private final FakeMastodon m;

  FakeMastodonStreaming(FakeMastodon m) {
    this.m = m;
  }

  void register(RoutesConfig r) {
    r.wsBeforeUpgrade(
        "/api/v1/streaming",
        ctx -> {
          m.record(ctx);
          if (refusing) throw new HttpResponseException(503, "restarting");
          String auth = ctx.header("Authorization");
          String token =
              auth != null && auth.startsWith("Bearer ")
                  ? auth.substring(7)
                  : ctx.queryParam("access_token");
          if (token == null || !m.tokens.contains(token)) {
            throw new HttpResponseException(
                HttpStatus.UNAUTHORIZED.getCode(), "Invalid access token");
          }
        });
    r.ws(
        "/api/v1/streaming",
        ws -> {
          ws.onConnect(
              ctx -> {
                String stream = String.valueOf(ctx.queryParam("stream"));
                String tag = ctx.queryParam("tag");
                sessions.put(
                    ctx,
                    stream.equals("hashtag")
                        ? "hashtag:" + String.valueOf(tag).toLowerCase(Locale.ROOT)
                        : stream);
                connections.incrementAndGet();
              });
          ws.onClose(
              ctx -> {
                sessions.remove(ctx);
                closeCodes.add(ctx.status());
              });
          ws.onError(ctx -> sessions.remove(ctx));
        });
  }

  int open() {
    return sessions.size();
  }

  /** A notification, stored and sent to every notification stream. */
  ObjectNode pushNotification(String type, String acct, String text, String ourStatusId) {
    ObjectNode n = m.addNotification(type, acct, text, ourStatusId);
    sessions.forEach(
        (ctx, stream) -> {
          if (stream.equals("user") || stream.equals("user:notification")) {
            ctx.send(message(stream, "notification", n));
          }
        });
    return n;
  }

  /** A public status, stored and sent to the streams of its hashtags. */
  ObjectNode pushStatus(String acct, String text) {
    ObjectNode s = m.addStatus(acct, text, null);
    for (JsonNode t : s.path("tags")) {
      String want = "hashtag:" + t.path("name").asText();
      sessions.forEach(
          (ctx, stream) -> {
            if (stream.equals(want)) ctx.send(message("hashtag", "update", s));
          });
    }
    return s;
  }

  /** Drops every connection without a close frame, as a lost network does. */
  void drop() {
    sessions.keySet().forEach(ctx -> ctx.session.disconnect());
  }

  private static String message(String stream, String event, ObjectNode payload) {
    ObjectNode msg = JSON.createObjectNode();
    msg.putArray("stream").add(stream);
    msg.put("event", event);
    // Mastodon sends the payload as a JSON document inside a string.
    msg.put("payload", payload.toString());
    return msg.toString();
  }
}
