package dev.chorus.channels.alert;

import io.javalin.Javalin;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that records every webhook delivery it receives and answers with
 * the statuses queued by the test, then 204.
 */
public final class RecordingWebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Received(Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final Javalin server;

  public RecordingWebhookReceiver() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.post(
                      "/hook",
                      ctx -> {
                        received.add(new Received(ctx.headerMap(), ctx.body()));
                        Integer status;
                        synchronized (answers) {
                          status = answers.poll();
                        }
                        ctx.status(status == null ? 204 : status);
                        if (status != null) ctx.result("status " + status + " as asked");
                      });
                })
            .start("127.0.0.1", 0);
  }

  /** The next requests are answered with these statuses, in order. */
  public void answer(int... statuses) {
    synchronized (answers) {
      for (int s : statuses) answers.add(s);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port() + "/hook");
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop();
  }
}
