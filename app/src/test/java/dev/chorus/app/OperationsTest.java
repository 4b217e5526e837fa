package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.web.http.Access;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics, unavailable store, 404s and graceful shutdown. */
class OperationsTest {
  @TempDir Path dir;

  @Test
  void healthChecksTheDatabaseAndMetricsCountRequests() {
    try (TestApp app = TestApp.start(dir)) {
      var health = new Api(app.url(), null).get("/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("database").asText()).isEqualTo("ok");
      new Browser(app.url()).get("/signin");
      String metrics = new Browser(app.url()).get("/metrics").body();
      assertThat(metrics)
          .contains(
              "chorus_http_requests_seconds_count{method=\"GET\",route=\"/signin\",status=\"200\"}");
      assertThat(metrics).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void unknownPagesAreA404PageAndUnknownApiRoutesA404Json() {
    try (TestApp app = TestApp.start(dir)) {
      var page = new Browser(app.url()).get("/no/such/page");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).contains("text/html"));
      assertThat(page.body()).contains("Not found");
      var api = new Api(app.url(), null).get("/api/v1/no-such-thing");
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.json().at("/error/code").asText()).isEqualTo("not_found");
    }
  }

  @Test
  void aLockedDatabaseIsA503AndNothingIsHalfWritten() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      app.user("ada@example.com");
      Browser b = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
      b.get("/workspaces");
      try (Connection other =
              DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chorus.db"));
          Statement s = other.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        var r = b.post("/workspaces", "name", "Blocked");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("nothing was saved");
        s.execute("ROLLBACK");
      }
      long count =
          app.core()
              .db
              .read(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM workspaces WHERE name = 'Blocked'")
                          .mapTo(Long.class)
                          .one());
      assertThat(count).isZero();
      assertThat(b.post("/workspaces", "name", "Unblocked").statusCode()).isEqualTo(302);
    }
  }

  @Test
  void aFullDiskIsA503() throws Exception {
    // Migrate and add a user first, then cap the file a few pages above its size: the next
    // writes that need pages fail with SQLITE_FULL, as on a full disk.
    try (TestApp first = TestApp.start(dir)) {
      first.user("ada@example.com");
    }
    long pages;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chorus.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("PRAGMA page_count");
      rs.next();
      pages = rs.getLong(1);
    }
    String cap = "PRAGMA max_page_count = " + (pages + 3);
    try (TestApp app =
        TestApp.start(
            dir,
            c ->
                c.withDatabaseOptions(
                    new dev.chorus.core.store.Database.Options(
                        java.time.Duration.ofMillis(300), 4, cap)),
            null)) {
      Browser b = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
      b.get("/workspaces");
      int status = 0;
      for (int i = 0; i < 400 && status != 503; i++) {
        status = b.post("/workspaces", "name", "Filler " + i + " " + "x".repeat(70)).statusCode();
      }
      assertThat(status).isEqualTo(503);
    }
  }

  @Test
  void shutdownFinishesRequestsInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    TestApp app =
        TestApp.start(
            dir,
            c -> c,
            r ->
                r.get(
                    "/test/slow",
                    ctx -> {
                      entered.countDown();
                      Thread.sleep(1500);
                      ctx.result("finished");
                    },
                    Access.PUBLIC));
    HttpClient http = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> slow =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(app.url() + "/test/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    app.close();
    HttpResponse<String> r = slow.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("finished");
  }
}
