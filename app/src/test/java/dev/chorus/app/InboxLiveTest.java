package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.account.User;
import dev.chorus.core.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox's live updates: a Server-Sent Events stream per workspace that names the conversations
 * that changed, fed by the pipeline; streams end when the server stops and leave no listener.
 */
class InboxLiveTest {
  @TempDir Path dir;
  TestApp app;
  InboxFixture inbox;
  User owner;
  Workspace acme;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    inbox = new InboxFixture(app, owner, acme);
  }

  @AfterEach
  void stop() {
    app.close();
    inbox.close();
  }

  /** An open event stream: its lines as they arrive. */
  record Stream_(
      HttpResponse<Stream<String>> response, BlockingQueue<String> lines, Thread reader) {
    String next(String prefix) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < until) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) return line;
      }
      throw new AssertionError("no line starting with '" + prefix + "' within 10 s");
    }
  }

  private Stream_ open(Browser b, String slug) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(app.url() + "/w/" + slug + "/inbox/events"))
            .header("Accept", "text/event-stream")
            .header("Cookie", b.cookieHeader())
            .build();
    HttpResponse<Stream<String>> r =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                r.body().forEach(lines::add);
              } catch (RuntimeException e) {
                // The connection was closed under the stream: that is its end.
              }
              lines.add("<end>");
            });
    reader.setDaemon(true);
    reader.start();
    return new Stream_(r, lines, reader);
  }

  private double streams() {
    String metrics = new Browser(app.url()).get("/metrics").body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("chorus_inbox_streams "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theStreamNamesTheConversationThatAnArrivingItemChanged() throws Exception {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    Stream_ s = open(b, "acme");
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(s.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    s.next("event: ready");

    // Another workspace's news never reaches this stream.
    User other = app.user("other@example.com");
    Workspace ow = app.workspace(other, "Other");
    try (InboxFixture elsewhere = new InboxFixture(app, other, ow)) {
      elsewhere.mention("zed@x.example", "Zed", "not for acme");
    }
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Is the shop open?");
    s.next("event: changed");
    assertThat(s.next("data:")).isEqualTo("data: " + id);

    // So does a change made by a teammate.
    b.get("/w/acme/inbox/" + id);
    b.post("/w/acme/inbox/" + id + "/status", "status", "pending");
    s.next("event: changed");
    assertThat(s.next("data:")).isEqualTo("data: " + id);
  }

  @Test
  void signedOutVisitorsGetNoStream() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(app.url() + "/w/acme/inbox/events"))
            .header("Accept", "text/event-stream")
            .build();
    var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
  }

  @Test
  void aClosedStreamIsForgottenAndStoppingTheServerEndsEveryStreamAndItsListener()
      throws Exception {
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    Stream_ gone = open(b, "acme");
    gone.next("event: ready");
    Stream_ kept = open(b, "acme");
    kept.next("event: ready");
    assertThat(streams()).isEqualTo(2.0);
    gone.response().body().close();
    // The server finds out when it next writes to it.
    for (int i = 0; i < 20 && streams() > 1.0; i++) {
      inbox.mention("p" + i + "@x.example", "P", "ping " + i);
      Thread.sleep(200);
    }
    assertThat(streams()).isEqualTo(1.0);
    assertThat(app.core().inboxEvents.listeners()).isEqualTo(1);

    app.close();
    kept.reader().join(TimeUnit.SECONDS.toMillis(10));
    assertThat(kept.reader().isAlive()).as("the stream ended when the server stopped").isFalse();
    assertThat(app.core().inboxEvents.listeners()).isZero();
  }
}
