package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.connector;
import static dev.chorus.channels.mastodon.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way Mastodon refuses or fails, as the user reads it. */
class MastodonErrorsTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final FakeMastodon fake = new FakeMastodon();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aRevokedTokenSaysReconnect() {
    MastodonConnector revoked = connector(fake, Fixtures.http(), "revoked-token");

    assertThatThrownBy(() -> revoked.readSince(null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.getMessage())
                  .isEqualTo("127.0.0.1: the token was revoked or expired: reconnect the channel");
              assertThat(f.retryable()).isFalse();
              assertThat(f.status()).isEqualTo(401);
            });
  }

  @Test
  void aServerErrorIsRetryable() {
    fake.failNext(500, 1);

    assertThatThrownBy(() -> connector(fake).readSince(null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.getMessage())
                  .isEqualTo(
                      "127.0.0.1 failed while reading notifications (HTTP 500): Internal server"
                          + " error");
              assertThat(f.retryable()).isTrue();
              assertThat(f.status()).isEqualTo(500);
            });
  }

  @Test
  void aPassingOutageOnAReadIsRetriedAndSucceeds() {
    fake.failNext(503, 1);

    assertThat(connector(fake).readSince(null).items()).isEmpty();
    assertThat(fake.received("GET", "/api/v1/notifications")).hasSize(2);
  }

  @Test
  void aSpentRateLimitFailsTheNextCallWithoutCallingAndSaysWhenToComeBack() {
    fake.rateLimit(1, Duration.ofMinutes(5));
    MastodonConnector mastodon = connector(fake);
    mastodon.readSince(null);

    assertThatThrownBy(() -> mastodon.readSince(null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.retryAfter())
                  .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(1));
              assertThat(f.getMessage()).startsWith("127.0.0.1 is rate limiting Chorus");
            });
    assertThat(fake.received("GET", "/api/v1/notifications")).hasSize(1);
  }

  @Test
  void aRateLimitThatResetsSoonIsWaitedFor() {
    fake.rateLimit(1, Duration.ofMillis(300));
    MastodonConnector mastodon = connector(fake);
    mastodon.readSince(null);

    assertThat(mastodon.readSince(null).items()).isEmpty();
    assertThat(fake.received("GET", "/api/v1/notifications")).hasSize(2);
  }

  @Test
  void a429CarriesTheWaitUntilTheReset() {
    fake.rateLimit(0, Duration.ofMinutes(5));
    MastodonConnector mastodon =
        connector(fake, Fixtures.once(Duration.ofSeconds(5)), FakeMastodon.TOKEN);

    assertThatThrownBy(() -> mastodon.publish(post("hi"), "k"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(429);
              assertThat(f.retryable()).isTrue();
              assertThat(f.retryAfter())
                  .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(1));
            });
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).isEmpty();
  }

  @Test
  void aSlowServerTimesOut() {
    fake.slow(Duration.ofSeconds(30));
    MastodonConnector mastodon =
        connector(fake, Fixtures.once(Duration.ofMillis(1500)), FakeMastodon.TOKEN);

    assertThatThrownBy(() -> mastodon.readSince(null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.getMessage()).isEqualTo("127.0.0.1 did not answer within 1 s");
              assertThat(f.retryable()).isTrue();
              assertThat(f.status()).isZero();
            });
  }

  @Test
  void malformedJsonIsAClearError() {
    fake.malformedNext();

    assertThatThrownBy(() -> connector(fake).readSince(null))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.getMessage())
                  .isEqualTo(
                      "127.0.0.1: the server's answer is not valid JSON while reading"
                          + " notifications (is this a Mastodon server?)");
              assertThat(f.retryable()).isFalse();
            });
  }

  @Test
  void aLoopbackInstanceIsRefusedUnlessThePolicyAllowsIt() {
    MastodonConnector production =
        connector(
            fake,
            new SafeHttp(dev.chorus.channels.net.NetworkPolicy.production(), "chorus-test"),
            FakeMastodon.TOKEN);

    assertThatThrownBy(() -> production.readSince(null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("loopback");
    assertThat(fake.received).isEmpty();
  }

  @Test
  void eachStatusIsClassifiedWithMastodonsReason() {
    assertThat(classify(403, "{\"error\":\"This action is not allowed\"}"))
        .isEqualTo(
            "h.example refused posting: This action is not allowed (reconnect to grant the permissions) retryable=false");
    assertThat(classify(404, ""))
        .isEqualTo(
            "h.example: not found while posting: the post or account may have been deleted retryable=false");
    assertThat(classify(404, "{\"error\":\"Record not found\"}"))
        .isEqualTo("h.example: not found while posting: Record not found retryable=false");
    assertThat(classify(413, "<html>Request Entity Too Large</html>"))
        .isEqualTo("h.example refused posting: the attachment is too large retryable=false");
    assertThat(classify(422, "{\"error\":\"Validation failed: Text can't be blank\"}"))
        .isEqualTo(
            "h.example refused posting: Validation failed: Text can't be blank retryable=false");
    assertThat(
            classify(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"The grant is invalid\"}"))
        .isEqualTo("h.example refused posting (HTTP 400): The grant is invalid retryable=false");
    assertThat(classify(502, "<html>Bad gateway</html>"))
        .isEqualTo("h.example failed while posting (HTTP 502) retryable=true");
    assertThat(classify(501, ""))
        .isEqualTo("h.example does not support posting (HTTP 501) retryable=false");
    // Control characters in a stranger's reason are flattened.
    assertThat(classify(422, "{\"error\":\"bad\\u0007\\nthing\"}"))
        .isEqualTo("h.example refused posting: bad  thing retryable=false");
  }

  @Test
  void a429WaitsForRetryAfterOrTheReset() {
    ChannelFailure retryAfter =
        MastodonErrors.failure(response(429, "", Map.of("Retry-After", "30")), "posting", NOW);
    ChannelFailure reset =
        MastodonErrors.failure(
            response(429, "", Map.of("X-RateLimit-Reset", "2026-11-22T10:02:00.000Z")),
            "posting",
            NOW);

    assertThat(retryAfter.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(retryAfter.getMessage())
        .isEqualTo("h.example is rate limiting Chorus: try again in 30 s");
    assertThat(reset.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(reset.getMessage())
        .isEqualTo("h.example is rate limiting Chorus: try again in 2 min");
  }

  private static String classify(int status, String body) {
    ChannelFailure f = MastodonErrors.failure(response(status, body, Map.of()), "posting", NOW);
    return f.getMessage() + " retryable=" + f.retryable();
  }

  private static SafeHttp.Response response(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new SafeHttp.Response(
        status,
        HttpHeaders.of(h, (a, b) -> true),
        body.getBytes(StandardCharsets.UTF_8),
        URI.create("https://h.example/api/v1/statuses"));
  }
}
