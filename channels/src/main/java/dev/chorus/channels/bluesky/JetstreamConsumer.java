package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.net.Retries;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.Streams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Bluesky's firehose as JSON: a WebSocket client of Jetstream ({@code
 * /subscribe?wantedCollections=app.bsky.feed.post&cursor=<time_us>}) that turns created posts into
 * inbound items. The cursor is Jetstream's {@code time_us}; it is reported (to be stored) at most
 * once per second of event time and when a connection ends, always after the items before it were
 * handed over. Every (re)connection starts {@link #REWIND} before the last cursor, and items
 * already handed over in this stream are dropped by their URI; after a restart the store drops the
 * few repeated ones. A dropped connection is retried with backoff and jitter until closed; so is a
 * connection silent for a minute. The target is checked by {@link SafeHttp}'s network policy.
 */
public final class JetstreamConsumer implements Streams {
  /** How far before the stored cursor a connection starts, so nothing falls between two. */
  public static final Duration REWIND = Duration.ofSeconds(3);

  private static final int SEEN = 20_000;

  private final SafeHttp http;
  private final URI endpoint;
  private final List<String> collections;
  private final long cursorEveryMicros;
  private final Duration idle;
  private final HttpClient client;

  /**
   * @param endpoint the subscribe URL, as {@code wss://jetstream2.us-east.bsky.network/subscribe}
   * @param collections the wanted collections; posts are turned into items, others only move the
   *     cursor
   */
  public JetstreamConsumer(SafeHttp http, URI endpoint, List<String> collections) {
    this(http, endpoint, collections, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  /** A consumer of posts ({@code app.bsky.feed.post}) only, as the firehose source reads. */
  public static JetstreamConsumer posts(SafeHttp http, URI endpoint) {
    return new JetstreamConsumer(http, endpoint, List.of(PublishPost.POST));
  }

  /**
   * @param cursorEvery how much event time passes between two cursor reports
   * @param idle how long a connection may stay silent before it is replaced (a peer that vanished
   *     without closing, which the JDK client does not always notice)
   */
  JetstreamConsumer(
      SafeHttp http, URI endpoint, List<String> collections, Duration cursorEvery, Duration idle) {
    this.idle = idle;
    this.http = http;
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.collections = List.copyOf(collections);
    this.cursorEveryMicros = cursorEvery.toNanos() / 1000;
    this.client = HttpClient.newBuilder().connectTimeout(http.policy().connectTimeout()).build();
  }

  @Override
  public Network network() {
    return Network.BLUESKY;
  }

  @Override
  public ChannelLimits limits() {
    return BlueskyConnector.LIMITS;
  }

  /**
   * Starts consuming on a daemon thread. {@code onItem} and {@code onCursor} are called from one
   * thread at a time, in event order; an exception from either ends that connection and the stream
   * reconnects from the last reported cursor.
   *
   * @param cursor a {@code time_us} reported earlier, or null to start at the live edge
   */
  @Override
  public AutoCloseable stream(
      String cursor, Consumer<InboundItem> onItem, Consumer<String> onCursor) {
    Long start = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        start = Long.parseLong(cursor.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a Jetstream cursor is a time_us number, not " + cursor);
      }
    }
    Run run = new Run(start, onItem, onCursor);
    Thread t = new Thread(run::loop, "jetstream " + endpoint.getHost());
    t.setDaemon(true);
    run.thread = t;
    t.start();
    return run::close;
  }

  /**
   * The URL of one connection, resuming {@link #REWIND} before {@code cursor} when there is one.
   */
  URI subscribeUrl(Long cursor) {
    String q =
        collections.stream()
            .map(c -> "wantedCollections=" + Xrpc.enc(c))
            .collect(Collectors.joining("&"));
    if (cursor != null) {
      q += (q.isEmpty() ? "" : "&") + "cursor=" + Math.max(0, cursor - REWIND.toNanos() / 1000);
    }
    String base = endpoint.toString();
    return URI.create(base + (q.isEmpty() ? "" : (base.contains("?") ? "&" : "?") + q));
  }

  /** One stream: its cursor, its recently seen URIs, and the connect-read-reconnect loop. */
  private final class Run {
    private final Consumer<InboundItem> onItem;
    private final Consumer<String> onCursor;
    private final Map<String, Boolean> seen =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN;
          }
        };
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile long lastMessageNanos;
    private Thread thread;
    private Long cursor;
    private long reported;

    Run(Long start, Consumer<InboundItem> onItem, Consumer<String> onCursor) {
      this.cursor = start;
      this.reported = start == null ? 0 : start;
      this.onItem = onItem;
      this.onCursor = onCursor;
    }

    void loop() {
      int failures = 0;
      while (!closed) {
        boolean delivered = connectAndRead();
        if (closed) break;
        failures = delivered ? 0 : failures + 1;
        try {
          Thread.sleep(Retries.backoff(failures).toMillis());
        } catch (InterruptedException e) {
          break;
        }
      }
    }

    /** One connection until it ends; true when it delivered at least one event. */
    private boolean connectAndRead() {
      URI uri = subscribeUrl(cursor);
      CompletableFuture<Void> ended = new CompletableFuture<>();
      Listener listener = new Listener(ended);
      try {
        http.check(asHttp(uri));
        socket =
            client
                .newWebSocketBuilder()
                .connectTimeout(http.policy().connectTimeout())
                .buildAsync(uri, listener)
                .get(http.policy().connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        lastMessageNanos = System.nanoTime();
        while (!closed && !ended.isDone()) {
          try {
            ended.get(Math.min(1000, idle.toMillis()), TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            if (System.nanoTime() - lastMessageNanos > idle.toNanos()) break;
          }
        }
      } catch (ChannelFailure | ExecutionException | TimeoutException e) {
        // Refused by the policy, or the server cannot be reached: wait and try again.
      } catch (InterruptedException e) {
        closed = true;
      } finally {
        WebSocket ws = socket;
        if (ws != null) ws.abort();
        socket = null;
        report(true);
      }
      return listener.events > 0;
    }

    void close() {
      closed = true;
      WebSocket ws = socket;
      if (ws != null) ws.abort();
      if (thread != null && thread != Thread.currentThread()) {
        thread.interrupt();
        try {
          thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Handles one event; false when it was not an event (the connection is then dropped). */
    private boolean handle(String message) {
      JsonNode e;
      try {
        e = Xrpc.JSON.readTree(message);
      } catch (IOException ex) {
        return false;
      }
      if (e == null || !e.path("time_us").canConvertToLong()) return false;
      long timeUs = e.get("time_us").asLong();
      JsonNode commit = e.path("commit");
      if ("commit".equals(e.path("kind").asText())
          && "create".equals(commit.path("operation").asText())
          && PublishPost.POST.equals(commit.path("collection").asText())
          && commit.path("record").isObject()
          && BlueskyDirectory.isDid(e.path("did").asText())) {
        String uri =
            "at://"
                + e.get("did").asText()
                + "/"
                + PublishPost.POST
                + "/"
                + commit.path("rkey").asText();
        if (!seen.containsKey(uri)) {
          onItem.accept(
              BlueskyItems.fromRecord(
                  e.get("did").asText(),
                  uri,
                  commit.path("cid").asText(null),
                  commit.get("record"),
                  Instant.EPOCH.plusNanos(timeUs * 1000)));
          // Only once handed over: an item the caller failed on comes again after reconnecting.
          seen.put(uri, Boolean.TRUE);
        }
      }
      if (cursor == null || timeUs > cursor) cursor = timeUs;
      report(false);
      return true;
    }

    private void report(boolean always) {
      if (cursor == null || cursor == reported) return;
      if (always || cursor - reported >= cursorEveryMicros) {
        reported = cursor;
        onCursor.accept(Long.toString(cursor));
      }
    }

    /** Collects frames into messages and hands each to {@link #handle}, one at a time. */
    private final class Listener implements WebSocket.Listener {
      private final CompletableFuture<Void> ended;
      private final StringBuilder text = new StringBuilder();
      int events;

      Listener(CompletableFuture<Void> ended) {
        this.ended = ended;
      }

      @Override
      public void onOpen(WebSocket ws) {
        ws.request(1);
      }

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        lastMessageNanos = System.nanoTime();
        text.append(data);
        if (text.length() > http.policy().maxResponseBytes()) {
          ended.complete(null);
          return null;
        }
        if (last) {
          String message = text.toString();
          text.setLength(0);
          try {
            if (closed || !handle(message)) {
              ended.complete(null);
              return null;
            }
            events++;
          } catch (RuntimeException e) {
            // The caller's store failed: reconnect from the last reported cursor.
            ended.complete(null);
            return null;
          }
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        ended.complete(null);
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        ended.complete(null);
      }
    }
  }

  private static URI asHttp(URI ws) {
    String s = ws.toString();
    if (s.startsWith("wss://")) return URI.create("https://" + s.substring(6));
    if (s.startsWith("ws://")) return URI.create("http://" + s.substring(5));
    return ws;
  }
}
