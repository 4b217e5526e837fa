package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.connector;
import static dev.chorus.channels.mastodon.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.PostMetrics;
import dev.chorus.core.channel.ReadsPostMetrics.Outcome;
import dev.chorus.core.channel.RemoteRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counts of posts and of followers, read from FakeMastodon. */
class MastodonMetricsTest {
  final FakeMastodon fake = new FakeMastodon();
  final MastodonConnector mastodon = connector(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theCountsOfEachPostAreReadFromItsStatusInTheOrderAsked() {
    RemoteRef roast = mastodon.publish(post("New roast"), "m-1");
    RemoteRef hours = mastodon.publish(post("Open late"), "m-2");
    fake.counts(roast.id(), 12, 3, 4, 1);
    fake.counts(hours.id(), 0, 7, 0, 0);

    Map<RemoteRef, Outcome> read = mastodon.metrics(List.of(hours, roast));

    assertThat(read.keySet()).containsExactly(hours, roast);
    assertThat(read.get(roast).metrics()).isEqualTo(new PostMetrics(12, 3, 4, 1));
    assertThat(read.get(hours).metrics()).isEqualTo(new PostMetrics(0, 7, 0, 0));
    assertThat(fake.received("GET", "/api/v1/statuses/" + roast.id()))
        .singleElement()
        .satisfies(
            r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN));
  }

  @Test
  void aPostAskedForTwiceIsReadOnce() {
    RemoteRef roast = mastodon.publish(post("New roast"), "m-1");

    assertThat(mastodon.metrics(List.of(roast, roast))).hasSize(1);
    assertThat(fake.received("GET", "/api/v1/statuses/" + roast.id())).hasSize(1);
  }

  @Test
  void anInstanceWithoutQuotePostsLeavesTheQuoteCountUnknown() {
    RemoteRef roast = mastodon.publish(post("New roast"), "m-1");
    fake.counts(roast.id(), 5, 2, 1, 9);
    fake.quoteCounts = false;

    assertThat(mastodon.metrics(List.of(roast)).get(roast).metrics())
        .isEqualTo(new PostMetrics(5, 2, 1, -1));
  }

  @Test
  void aDeletedPostFailsOnItsOwnWithoutRetryAndTheOthersAreStillRead() {
    RemoteRef gone = mastodon.publish(post("Typo"), "m-1");
    RemoteRef kept = mastodon.publish(post("Fixed"), "m-2");
    fake.counts(kept.id(), 1, 1, 1, 1);
    fake.deleteStatus(gone.id());

    Map<RemoteRef, Outcome> read = mastodon.metrics(List.of(gone, kept));

    ChannelFailure f = read.get(gone).failure();
    assertThat(read.get(gone).ok()).isFalse();
    assertThat(f.status()).isEqualTo(404);
    assertThat(f.retryable()).isFalse();
    assertThat(f.getMessage())
        .isEqualTo(
            "127.0.0.1: not found while reading the counts of post "
                + gone.id()
                + ": Record not found");
    assertThat(read.get(kept).metrics()).isEqualTo(new PostMetrics(1, 1, 1, 1));
  }

  @Test
  void aRevokedTokenStopsTheReadingAndEveryPostCarriesTheReason() {
    RemoteRef a = mastodon.publish(post("One"), "m-1");
    RemoteRef b = mastodon.publish(post("Two"), "m-2");
    fake.tokens.remove(FakeMastodon.TOKEN);

    Map<RemoteRef, Outcome> read = mastodon.metrics(List.of(a, b));

    assertThat(read.values())
        .allSatisfy(
            o -> {
              assertThat(o.failure().status()).isEqualTo(401);
              assertThat(o.failure().retryable()).isFalse();
              assertThat(o.failure().getMessage()).contains("reconnect the channel");
            });
    // Asking again for the second post cannot help: it was not asked.
    assertThat(fake.received("GET", "/api/v1/statuses/" + b.id())).isEmpty();
  }

  @Test
  void aRateLimitLeavesThePostsNotReadYetRetryable() {
    RemoteRef a = mastodon.publish(post("One"), "m-1");
    RemoteRef b = mastodon.publish(post("Two"), "m-2");
    fake.counts(a.id(), 3, 0, 0, 0);
    // One call left in this window.
    fake.rateLimit(1, java.time.Duration.ofMinutes(5));

    Map<RemoteRef, Outcome> read = mastodon.metrics(List.of(a, b));

    assertThat(read.get(a).metrics().likes()).isEqualTo(3);
    // The answer for a said the budget is spent: b waits for the reset instead of calling.
    assertThat(read.get(b).failure().retryable()).isTrue();
    assertThat(read.get(b).failure().retryAfter()).isPositive();
    assertThat(fake.received("GET", "/api/v1/statuses/" + b.id())).isEmpty();
  }

  @Test
  void theFollowerCountIsTheAccountsFollowersCount() {
    fake.followers = 1_234;

    assertThat(mastodon.followers()).isEqualTo(1_234);
    assertThat(mastodon.profile().followers()).isEqualTo(1_234);
  }

  @Test
  void aRefusedFollowerCountSaysWhy() {
    fake.tokens.remove(FakeMastodon.TOKEN);

    assertThatThrownBy(mastodon::followers)
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("reconnect the channel");
  }
}
