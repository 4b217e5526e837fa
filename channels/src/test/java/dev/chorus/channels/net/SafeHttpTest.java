package dev.chorus.channels.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.channel.ChannelFailure;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a local server that misbehaves on purpose. */
class SafeHttpTest {
  private Javalin server;
  private String base;
  private final AtomicInteger flaky = new AtomicInteger();
  private final SafeHttp http =
      new SafeHttp(
          new NetworkPolicy(
              true, false, Duration.ofSeconds(2), Duration.ofMillis(800), 1 << 20, 3, 3),
          "chorus-test");

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get("/ok", ctx -> ctx.result("hello"));
                  c.routes.get("/loop", ctx -> ctx.redirect("/loop"));
                  c.routes.get("/hop", ctx -> ctx.redirect("/ok"));
                  c.routes.get("/big", ctx -> ctx.result(new byte[(1 << 20) + 10]));
                  c.routes.get(
                      "/slow",
                      ctx -> {
                        Thread.sleep(3000);
                        ctx.result("late");
                      });
                  c.routes.get(
                      "/flaky",
                      ctx -> {
                        if (flaky.incrementAndGet() < 3) ctx.status(503).header("Retry-After", "0");
                        else ctx.result("third time");
                      });
                  c.routes.post(
                      "/flaky-post",
                      ctx -> {
                        flaky.incrementAndGet();
                        ctx.status(503);
                      });
                  c.routes.get("/to-private", ctx -> ctx.redirect("http://10.0.0.1/admin"));
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
  }

  @Test
  void followsABoundedNumberOfRedirects() {
    assertThat(http.send(get("/hop"), true).text()).isEqualTo("hello");
    assertThatThrownBy(() -> http.send(get("/loop"), true))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("redirect loop");
  }

  @Test
  void refusesPrivateAndLoopbackTargetsUnlessAllowed() {
    SafeHttp strict = new SafeHttp(NetworkPolicy.production(), "chorus-test");
    assertThatThrownBy(() -> strict.send(get("/ok"), true))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("loopback address");
    assertThatThrownBy(() -> http.send(get("/to-private"), true))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("private address");
    assertThatThrownBy(() -> strict.check(URI.create("http://169.254.169.254/latest/meta-data")))
        .hasMessageContaining("link-local");
    assertThatThrownBy(() -> strict.check(URI.create("file:///etc/passwd")))
        .hasMessageContaining("only http and https");
  }

  @Test
  void stopsReadingAnOversizedAnswer() {
    assertThatThrownBy(() -> http.send(get("/big"), true))
        .isInstanceOfSatisfying(ChannelFailure.class, f -> assertThat(f.retryable()).isFalse())
        .hasMessageContaining("more than 1 MB");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    assertThatThrownBy(() -> http.send(get("/slow"), false))
        .isInstanceOfSatisfying(ChannelFailure.class, f -> assertThat(f.retryable()).isTrue())
        .hasMessageContaining("did not answer");
  }

  @Test
  void retriesRetryableFailuresOnlyForIdempotentCalls() {
    assertThat(http.send(get("/flaky"), true).text()).isEqualTo("third time");
    flaky.set(0);
    var post =
        HttpRequest.newBuilder(URI.create(base + "/flaky-post"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http.send(post, false).status()).isEqualTo(503);
    assertThat(flaky.get()).isEqualTo(1);
  }

  @Test
  void classifiesStatusesInOnePlace() {
    assertThat(Retries.classify(429)).isTrue();
    assertThat(Retries.classify(503)).isTrue();
    assertThat(Retries.classify(500)).isFalse();
    assertThat(Retries.classify(422)).isFalse();
    assertThat(Retries.classify(401)).isFalse();
  }
}
