package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.ReadsMentions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to Mastodon's streaming API ({@code /api/v1/streaming}), kept open:
 * after a drop it reconnects with exponential backoff and jitter, and stops for good on {@link
 * #close()} or when the instance refuses the token (401). Events arrive as {@code {"event": ...,
 * "payload": "<JSON as a string>"}}. Every handler call runs on the stream's own thread, one at a
 * time, so handlers need no locking.
 */
final class MastodonStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonStream.class);

  /** What a stream does with its events; called on the stream's thread only. */
  interface Handler {
    /** Runs before each connection attempt; a failure counts as a failed attempt. */
    default void connecting() {}

    /** Runs after each (re)connection, before any event; a failure drops the connection. */
    void opened();

    void event(String event, JsonNode payload);

    /**
     * Notifications: with no cursor, the newest notification id is taken as the start before the
     * first connection (the stream starts now); after every connection the gap since the cursor is
     * read and handed on; live ones follow, each once, in id order.
     */
    static Handler notifications(
        MastodonItems items,
        Function<String, ReadsMentions.Batch> readSince,
        String from,
        Consumer<InboundItem> onItem,
        Consumer<String> onCursor) {
      return forward("notification", items::notification, readSince, from, onItem, onCursor);
    }

    /**
     * A hashtag's statuses ({@code update} events), caught up like {@link #notifications}: the gap
     * since the cursor is read from the hashtag's timeline after every connection.
     */
    static Handler hashtag(
        MastodonItems items,
        Function<String, ReadsMentions.Batch> readSince,
        String from,
        Consumer<InboundItem> onItem,
        Consumer<String> onCursor) {
      return forward(
          "update", n -> java.util.Optional.of(items.post(n)), readSince, from, onItem, onCursor);
    }

    /** Events named {@code eventName} in id order, each once, with the gap read on connecting. */
    private static Handler forward(
        String eventName,
        Function<JsonNode, java.util.Optional<InboundItem>> toItem,
        Function<String, ReadsMentions.Batch> readSince,
        String from,
        Consumer<InboundItem> onItem,
        Consumer<String> onCursor) {
      return new Handler() {
        private String cursor = from;
        private boolean started = from != null;

        @Override
        public void connecting() {
          if (started) return;
          // Before connecting, so nothing said while connecting falls between start and stream.
          advance(readSince.apply(null).cursor());
          started = true;
        }

        @Override
        public void opened() {
          ReadsMentions.Batch gap = readSince.apply(cursor);
          gap.items().forEach(onItem);
          advance(gap.cursor());
        }

        @Override
        public void event(String event, JsonNode n) {
          if (!event.equals(eventName)) return;
          String id = n.path("id").asText("");
          // Already read while catching up.
          if (id.isEmpty() || (cursor != null && MastodonItems.BY_ID.compare(id, cursor) <= 0)) {
            return;
          }
          toItem.apply(n).ifPresent(onItem);
          advance(id);
        }

        private void advance(String id) {
          if (id == null) return;
          if (cursor == null || MastodonItems.BY_ID.compare(id, cursor) > 0) {
            cursor = id;
            onCursor.accept(id);
          }
        }
      };
    }

    /** Statuses ({@code update} events) as posts; nothing to catch up. */
    static Handler statuses(MastodonItems items, Consumer<InboundItem> onItem) {
      return new Handler() {
        @Override
        public void opened() {}

        @Override
        public void event(String event, JsonNode payload) {
          if (event.equals("update") && payload.path("id").isTextual()) {
            onItem.accept(items.post(payload));
          }
        }
      };
    }
  }

  private final URI uri;
  private final String token;
  private final SafeHttp http;
  private final MastodonTimings timings;
  private final Handler handler;
  private final HttpClient client;
  private final ScheduledExecutorService thread;
  private final AtomicInteger generation = new AtomicInteger();
  private volatile boolean closed;
  private volatile WebSocket socket;
  private int failures;

  /**
   * @param streaming the {@code ws(s)://host/api/v1/streaming} address
   * @param query the stream, as {@code stream=user:notification}
   */
  MastodonStream(
      URI streaming,
      String query,
      String token,
      SafeHttp http,
      MastodonTimings timings,
      Handler handler) {
    this.uri = URI.create(streaming + "?" + query);
    this.token = token;
    this.http = http;
    this.timings = timings;
    this.handler = handler;
    this.client = HttpClient.newBuilder().connectTimeout(http.policy().connectTimeout()).build();
    this.thread =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mastodon-stream-" + uri.getHost());
              t.setDaemon(true);
              return t;
            });
  }

  MastodonStream start() {
    thread.execute(this::connect);
    return this;
  }

  /** Stops the stream: no more events, no reconnection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    WebSocket ws = socket;
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((w, e) -> ws.abort());
    }
    thread.shutdownNow();
  }

  private void connect() {
    if (closed) return;
    int gen = generation.incrementAndGet();
    try {
      // The same rule as every other call: no private or loopback targets unless allowed.
      http.check(URI.create(uri.toString().replaceFirst("^ws", "http")));
    } catch (ChannelFailure f) {
      LOG.error("not streaming from {}: {}", uri.getHost(), f.getMessage());
      closed = true;
      return;
    }
    try {
      handler.connecting();
    } catch (RuntimeException e) {
      LOG.info("cannot start streaming from {}: {}", uri.getHost(), e.getMessage());
      dropped(gen);
      return;
    }
    client
        .newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .connectTimeout(http.policy().connectTimeout())
        .buildAsync(uri, new Listener(gen))
        .whenComplete(
            (ws, error) -> {
              if (error == null) return;
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof WebSocketHandshakeException h
                  && h.getResponse().statusCode() == 401) {
                LOG.error(
                    "{} refused the token for streaming: reconnect the channel", uri.getHost());
                closed = true;
                return;
              }
              LOG.info("cannot stream from {}: {}", uri.getHost(), String.valueOf(cause));
              dropped(gen);
            });
  }

  /** Schedules one reconnection for connection {@code gen}, however many ways it failed. */
  private void dropped(int gen) {
    if (closed || !generation.compareAndSet(gen, gen + 1)) return;
    socket = null;
    long min = timings.streamMinBackoff().toMillis();
    long cap = Math.min(timings.streamMaxBackoff().toMillis(), min << Math.min(failures, 20));
    failures++;
    long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    try {
      thread.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void run(int gen, Runnable r) {
    try {
      thread.execute(
          () -> {
            if (closed || generation.get() != gen) return;
            r.run();
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final int gen;
    private final StringBuilder text = new StringBuilder();

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket ws) {
      socket = ws;
      // Closed while the handshake was in flight: close() found no socket to close, so close it.
      if (closed) {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((w, e) -> ws.abort());
        return;
      }
      run(
          gen,
          () -> {
            try {
              handler.opened();
              failures = 0;
            } catch (RuntimeException e) {
              // Live events must not move the cursor past a gap that was not read.
              LOG.info("catching up on {} failed, reconnecting: {}", uri.getHost(), e.getMessage());
              ws.abort();
              dropped(gen);
            }
          });
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        run(gen, () -> dispatch(message));
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      dropped(gen);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      dropped(gen);
    }
  }

  private void dispatch(String message) {
    try {
      JsonNode m = MastodonClient.JSON.readTree(message);
      String event = m.path("event").asText("");
      JsonNode payload = m.path("payload");
      // The payload is JSON inside a string; some servers send it as an object.
      JsonNode body =
          payload.isTextual() ? MastodonClient.JSON.readTree(payload.asText()) : payload;
      if (body == null) return;
      handler.event(event, body);
    } catch (IOException e) {
      LOG.info("skipped a malformed message from {}'s stream", uri.getHost());
    } catch (RuntimeException e) {
      LOG.warn("handling an event from {}'s stream failed", uri.getHost(), e);
    }
  }
}
