package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.connector;
import static dev.chorus.channels.mastodon.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.RemoteRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posting statuses and threads to FakeMastodon. */
class MastodonPublishTest {
  final FakeMastodon fake = new FakeMastodon();
  final MastodonConnector mastodon = connector(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aPostCarriesItsVisibilityLanguageAndContentWarning() {
    RemoteRef ref =
        mastodon.publish(
            new OutgoingPost(
                "Our new roast is out",
                null,
                List.of(),
                "coffee talk",
                "en",
                dev.chorus.core.channel.Visibility.UNLISTED),
            "post-1");

    ObjectNode status = fake.statuses.get(ref.id());
    assertThat(status.get("visibility").asText()).isEqualTo("unlisted");
    assertThat(status.get("language").asText()).isEqualTo("en");
    assertThat(status.get("spoiler_text").asText()).isEqualTo("coffee talk");
    assertThat(MastodonItems.plain(status.get("content").asText()))
        .isEqualTo("Our new roast is out");
    assertThat(ref.url()).isEqualTo(status.get("url").asText());
    FakeMastodon.Received sent = fake.received("POST", "/api/v1/statuses").get(0);
    assertThat(sent.header("Idempotency-Key")).isEqualTo("post-1");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
  }

  @Test
  void eachVisibilityIsSentInMastodonsWordsAndAPostIsPublicUnlessItSaysOtherwise() {
    RemoteRef plain = mastodon.publish(post("Hello"), "v-default");
    assertThat(fake.statuses.get(plain.id()).get("visibility").asText()).isEqualTo("public");
    java.util.Map<dev.chorus.core.channel.Visibility, String> expected =
        java.util.Map.of(
            dev.chorus.core.channel.Visibility.PUBLIC, "public",
            dev.chorus.core.channel.Visibility.UNLISTED, "unlisted",
            dev.chorus.core.channel.Visibility.FOLLOWERS_ONLY, "private",
            dev.chorus.core.channel.Visibility.DIRECT, "direct");
    expected.forEach(
        (v, word) -> {
          RemoteRef ref =
              mastodon.publish(
                  new OutgoingPost("For " + v.key(), null, List.of(), null, null, v),
                  "v-" + v.key());
          assertThat(fake.statuses.get(ref.id()).get("visibility").asText()).isEqualTo(word);
        });
  }

  @Test
  void aThreadKeepsTheVisibilityOfEachPart() {
    OutgoingPost part =
        new OutgoingPost(
            "For our regulars",
            null,
            List.of(),
            null,
            null,
            dev.chorus.core.channel.Visibility.FOLLOWERS_ONLY);
    List<RemoteRef> refs = mastodon.publishThread(List.of(part, part), "regulars");

    assertThat(refs)
        .extracting(r -> fake.statuses.get(r.id()).get("visibility").asText())
        .containsExactly("private", "private");
    assertThat(fake.statuses.get(refs.get(1).id()).get("in_reply_to_id").asText())
        .isEqualTo(refs.get(0).id());
  }

  @Test
  void aRetriedPostWithTheSameIdempotencyKeyPostsOnce() {
    RemoteRef first = mastodon.publish(post("Open on Sunday"), "sunday-1");
    RemoteRef again = mastodon.publish(post("Open on Sunday"), "sunday-1");

    assertThat(again).isEqualTo(first);
    assertThat(fake.received("POST", "/api/v1/statuses")).hasSize(2);
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).hasSize(1);
  }

  @Test
  void differentKeysMakeDifferentPosts() {
    RemoteRef a = mastodon.publish(post("Same words"), "a");
    RemoteRef b = mastodon.publish(post("Same words"), "b");

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).hasSize(2);
  }

  @Test
  void aLostAnswerIsRetriedWithTheSameKeyAndPostsOnce() {
    fake.loseNextPostAnswer();

    RemoteRef ref = mastodon.publish(post("Hello fediverse"), "hello-1");

    assertThat(fake.received("POST", "/api/v1/statuses"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("hello-1"));
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID))
        .singleElement()
        .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(ref.id()));
  }

  @Test
  void aReplyCarriesInReplyToId() {
    ObjectNode question = fake.addStatus("ada@elsewhere.example", "Are you open?", null);

    RemoteRef ref =
        mastodon.publish(
            new OutgoingPost(
                "@ada@elsewhere.example Yes, 8 to 6",
                new RemoteRef(question.get("id").asText(), null, null),
                List.of(),
                null,
                null),
            "reply-1");

    assertThat(fake.statuses.get(ref.id()).get("in_reply_to_id").asText())
        .isEqualTo(question.get("id").asText());
  }

  @Test
  void aReplyToADeletedPostSaysSo() {
    OutgoingPost reply =
        new OutgoingPost("Thanks!", new RemoteRef("404404", null, null), List.of(), null, null);

    assertThatThrownBy(() -> mastodon.publish(reply, "r"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(404);
              assertThat(f.retryable()).isFalse();
              assertThat(f.getMessage())
                  .contains("The post you are trying to reply to does not appear to exist.");
            });
  }

  @Test
  void aPostOverTheLimitGivesMastodonsReason() {
    assertThatThrownBy(() -> mastodon.publish(post("x".repeat(501)), "long"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(422);
              assertThat(f.retryable()).isFalse();
              assertThat(f.getMessage())
                  .isEqualTo(
                      "127.0.0.1 refused posting: Validation failed: Text character limit of 500"
                          + " exceeded");
            });
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).isEmpty();
  }

  @Test
  void aThreadRepliesToItsOwnPreviousPartAndRunningItAgainPostsNothingNew() {
    List<OutgoingPost> parts =
        List.of(post("1/3 How we roast"), post("2/3 Low and slow"), post("3/3 Then we rest it"));

    List<RemoteRef> refs = mastodon.publishThread(parts, "thread-7");
    List<RemoteRef> again = mastodon.publishThread(parts, "thread-7");

    assertThat(again).isEqualTo(refs);
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).hasSize(3);
    assertThat(fake.statuses.get(refs.get(0).id()).get("in_reply_to_id").isNull()).isTrue();
    assertThat(fake.statuses.get(refs.get(1).id()).get("in_reply_to_id").asText())
        .isEqualTo(refs.get(0).id());
    assertThat(fake.statuses.get(refs.get(2).id()).get("in_reply_to_id").asText())
        .isEqualTo(refs.get(1).id());
  }

  @Test
  void aThreadStoppedByTheRateLimitIsFinishedLaterWithoutRepeatingParts() {
    List<OutgoingPost> parts = List.of(post("one"), post("two"), post("three"));
    fake.rateLimit(2, Duration.ofMinutes(5));

    assertThatThrownBy(() -> mastodon.publishThread(parts, "t"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.retryAfter()).isPositive();
            });
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).hasSize(2);

    fake.rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(5));
    List<RemoteRef> refs = connector(fake).publishThread(parts, "t");

    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).hasSize(3);
    assertThat(fake.statuses.get(refs.get(2).id()).get("in_reply_to_id").asText())
        .isEqualTo(refs.get(1).id());
  }
}
