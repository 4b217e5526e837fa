package dev.chorus.channels.bluesky;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Jetstream: replays recorded events, in Jetstream's exact JSON, from the {@code cursor} a
 * client asks for (inclusive, as Jetstream does) and only of its {@code wantedCollections}; the
 * first connection can be dropped abruptly after a given number of events. Records the query of
 * every connection.
 */
public final class JetstreamReplayServer implements AutoCloseable {
  /** One recorded event: its time_us, its collection (or null for identity/account), its JSON. */
  public record Event(long timeUs, String collection, String json) {}

  public final List<Map<String, List<String>>> connections = new CopyOnWriteArrayList<>();
  private final Javalin app;
  private final AtomicInteger dropFirstAfter;

  public JetstreamReplayServer(List<Event> events, int dropFirstAfter) {
    this.dropFirstAfter = new AtomicInteger(dropFirstAfter);
    app =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.ws(
                      "/subscribe",
                      ws ->
                          ws.onConnect(
                              ctx -> {
                                connections.add(ctx.queryParamMap());
                                // Replayed from another thread: Jetty acts on a disconnect only
                                // once the connect handler has returned.
                                new Thread(() -> replay(ctx, events)).start();
                              }));
                })
            .start("127.0.0.1", 0);
  }

  private void replay(io.javalin.websocket.WsConnectContext ctx, List<Event> events) {
    String cursor = ctx.queryParam("cursor");
    long from = cursor == null ? 0 : Long.parseLong(cursor);
    List<String> wanted = ctx.queryParams("wantedCollections");
    int limit = dropFirstAfter.getAndSet(-1);
    int sent = 0;
    for (Event e : events) {
      if (e.timeUs() < from) continue;
      if (e.collection() != null && !wanted.isEmpty() && !wanted.contains(e.collection())) {
        continue;
      }
      if (limit >= 0 && sent == limit) {
        // No close frame: the connection just dies, as networks do.
        ctx.session.disconnect();
        return;
      }
      ctx.send(e.json());
      sent++;
    }
  }

  public URI subscribeUri() {
    return URI.create("ws://127.0.0.1:" + app.port() + "/subscribe");
  }

  @Override
  public void close() {
    app.stop();
  }
}
