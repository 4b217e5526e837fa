package dev.chorus.channels.mastodon;

import static org.assertj.core.api.Assertions.fail;

import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.OutgoingPost;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the Mastodon tests share: loopback-only HTTP, quick timings, waiting on a condition. */
final class Fixtures {
  private Fixtures() {}

  /** The loopback test policy: retries as in production. */
  static SafeHttp http() {
    return new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");
  }

  /** Loopback, one attempt per call, so a test sees the first failure. */
  static SafeHttp once(Duration readTimeout) {
    return new SafeHttp(
        new NetworkPolicy(true, false, Duration.ofSeconds(2), readTimeout, 10L << 20, 5, 1),
        "chorus-test");
  }

  /** Media checked every 10 ms; rate-limit resets within 2 s waited for; streams back in 20 ms. */
  static MastodonTimings quick() {
    return new MastodonTimings(
        Duration.ofMillis(10),
        50,
        Duration.ofSeconds(2),
        Duration.ofMillis(20),
        Duration.ofMillis(200));
  }

  static MastodonConnector connector(FakeMastodon fake) {
    return connector(fake, http(), FakeMastodon.TOKEN);
  }

  static MastodonConnector connector(FakeMastodon fake, SafeHttp http, String token) {
    return new MastodonConnector(fake.uri(), token, http, quick(), Clock.systemUTC());
  }

  static OutgoingPost post(String text) {
    return new OutgoingPost(text, null, List.of(), null, null);
  }

  /** Waits up to 10 s for {@code condition}, checking every 10 ms. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting until " + what);
      }
    }
  }
}
