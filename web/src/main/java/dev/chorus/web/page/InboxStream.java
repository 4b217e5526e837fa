package dev.chorus.web.page;

import dev.chorus.core.pipeline.InboxEvents;
import dev.chorus.core.workspace.WorkspaceId;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live inbox updates as Server-Sent Events: {@code GET /w/{slug}/inbox/events} streams {@code
 * changed} events whose data is the ids of the conversations that changed, comma-separated. The
 * page then fetches what it shows through the ordinary (authorised) routes; the stream carries
 * nothing else.
 *
 * <p>One listener on {@link InboxEvents} serves every connection. It only records the ids (it must
 * never block the pipeline); a small sender pool writes them out, at most one event per client per
 * {@link #COALESCE_MS} however fast items arrive. A comment every {@link #HEARTBEAT_SECONDS} keeps
 * proxies from closing the stream and finds connections that are gone. {@link #close()} ends every
 * stream and unsubscribes, before the server stops; a closed connection removes its client.
 */
public final class InboxStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InboxStream.class);
  static final long COALESCE_MS = 300;
  static final long HEARTBEAT_SECONDS = 20;

  /** Past this many changed ids in one event the page simply refreshes everything it shows. */
  static final int MAX_IDS = 200;

  private final ConcurrentHashMap<Client, Boolean> clients = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sender;
  private final AutoCloseable subscription;
  private volatile boolean closed;

  /** One open stream: its workspace and the ids waiting to be sent. */
  private final class Client {
    final WorkspaceId workspace;
    final SseClient sse;
    private final Set<String> pending = new HashSet<>();
    private boolean scheduled;
    private boolean overflow;

    Client(WorkspaceId workspace, SseClient sse) {
      this.workspace = workspace;
      this.sse = sse;
    }

    synchronized void add(Set<String> ids) {
      if (pending.size() + ids.size() > MAX_IDS) overflow = true;
      else pending.addAll(ids);
      if (!scheduled) {
        scheduled = true;
        sender.schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
      }
    }

    void flush() {
      String data;
      synchronized (this) {
        scheduled = false;
        data = overflow ? "*" : String.join(",", pending);
        pending.clear();
        overflow = false;
      }
      send("changed", data);
    }

    void send(String event, String data) {
      if (sse.terminated()) {
        clients.remove(this);
        return;
      }
      try {
        synchronized (sse) {
          if (event == null) sse.sendComment(data);
          else sse.sendEvent(event, data);
        }
      } catch (RuntimeException e) {
        LOG.debug("an inbox stream failed; closing it", e);
        sse.close();
      }
      if (sse.terminated()) clients.remove(this);
    }
  }

  public InboxStream(InboxEvents events) {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "inbox-sse");
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    this.sender = pool;
    this.subscription = events.listen(this::changed);
    sender.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  public void register(RoutesConfig r) {
    r.sse("/w/{slug}/inbox/events", this::open, Access.VIEWER);
  }

  private void open(SseClient sse) {
    if (closed) {
      sse.close();
      return;
    }
    WorkspaceId ws = Req.actor(sse.ctx()).workspace().id();
    Client c = new Client(ws, sse);
    sse.keepAlive();
    sse.onClose(() -> clients.remove(c));
    clients.put(c, Boolean.TRUE);
    // Tells the page the stream is live (and flushes the headers through any proxy).
    c.send("ready", "live");
  }

  private void changed(WorkspaceId ws, Set<String> ids) {
    for (Client c : clients.keySet()) if (c.workspace.equals(ws)) c.add(ids);
  }

  private void heartbeat() {
    for (Client c : clients.keySet()) c.send(null, "keep-alive");
  }

  /** Open streams, for tests and metrics. */
  public int connections() {
    return clients.size();
  }

  /** Ends every stream and stops listening; new streams are refused. */
  @Override
  public void close() {
    closed = true;
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.warn("could not unsubscribe the inbox stream", e);
    }
    for (Client c : clients.keySet()) c.sse.close();
    clients.clear();
    sender.shutdownNow();
  }
}
