package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.channel.ChannelFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlueskyErrorsTest {
  static ChannelFailure f(int status, String error, String message) {
    return BlueskyErrors.failure(
        status, error, message, Duration.ofSeconds(7), "publishing the post");
  }

  @Test
  void anExpiredTokenIsRetryableBecauseTheSessionSignsInAgain() {
    ChannelFailure e = f(400, "ExpiredToken", "Token has expired");
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo("Bluesky, publishing the post: the session expired; Chorus will sign in again");
  }

  @Test
  void refusedCredentialsAskForANewAppPasswordAndAreNotRetried() {
    for (String name : new String[] {"InvalidToken", "AuthenticationRequired"}) {
      ChannelFailure e = f(401, name, "Invalid identifier or password");
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage())
          .contains("the handle or app password was refused (Invalid identifier or password)")
          .endsWith("reconnect the channel with a new app password");
      assertThat(e.status()).isEqualTo(401);
    }
  }

  @Test
  void aMissingRecordSaysThePostIsGone() {
    ChannelFailure e = f(400, "RecordNotFound", "Could not locate record");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("does not exist (deleted?)");
  }

  @Test
  void aRateLimitIsRetriedAfterTheWaitTheServerAskedFor() {
    ChannelFailure e = f(429, "RateLimitExceeded", "Rate Limit Exceeded");
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void anInvalidRequestCarriesTheServersReasonAndIsNotRetried() {
    ChannelFailure e =
        f(400, "InvalidRequest", "Invalid app.bsky.feed.post record: grapheme too big");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .endsWith(
            "the server refused the request: Invalid app.bsky.feed.post record: grapheme too big");
  }

  @Test
  void aPdsWithoutAnAppViewIsNamedAsSuch() {
    ChannelFailure e =
        f(
            400,
            "InvalidRequest",
            "No service configured for app.bsky.notification.listNotifications");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("this PDS has no AppView");
  }

  @Test
  void unnamedErrorsAreJudgedByStatusAsForEveryNetwork() {
    assertThat(f(503, null, null).retryable()).isTrue();
    assertThat(f(502, "UpstreamFailure", null).retryable()).isTrue();
    // A 500 on a write may have written: not retried blindly (the record key makes a retry safe
    // only through the publisher's own lookup).
    assertThat(f(500, "InternalServerError", "Internal Server Error").retryable()).isFalse();
    assertThat(f(404, null, null).getMessage())
        .isEqualTo("Bluesky, publishing the post: the server answered HTTP 404");
    assertThat(f(429, null, null).retryable()).isTrue();
  }

  @Test
  void accountStatesAndSignInCodesAreNotRetried() {
    assertThat(f(400, "AccountTakedown", "Account has been taken down").retryable()).isFalse();
    assertThat(f(401, "AuthFactorTokenRequired", null).getMessage())
        .contains("connect with an app password");
    assertThat(f(400, "HandleNotFound", "Unable to resolve handle").getMessage())
        .contains("no account has this handle");
  }
}
