package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.RemoteRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Attachments through /api/v2/media, with alt text and asynchronous processing. */
class MastodonMediaTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
  final FakeMastodon fake = new FakeMastodon();
  final MastodonConnector mastodon = connector(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  static OutgoingPost withImage(String alt) {
    return new OutgoingPost(
        "Latte art", null, List.of(new OutgoingPost.Media(PNG, "image/png", alt)), null, null);
  }

  @Test
  void mediaIsPolledUntilProcessed() {
    fake.mediaProcessingChecks = 3;

    RemoteRef ref = mastodon.publish(withImage("A heart drawn in milk foam"), "latte");

    JsonNode attachment = fake.statuses.get(ref.id()).get("media_attachments").get(0);
    assertThat(attachment.get("description").asText()).isEqualTo("A heart drawn in milk foam");
    assertThat(attachment.get("url").isTextual()).isTrue();
    assertThat(fake.received("GET", "/api/v1/media/" + attachment.get("id").asText())).hasSize(3);
    assertThat(fake.received("POST", "/api/v2/media").get(0).header("Content-Type"))
        .startsWith("multipart/form-data; boundary=");
  }

  @Test
  void anImageProcessedAtOnceIsNotPolled() {
    RemoteRef ref = mastodon.publish(withImage("Foam"), "now");

    JsonNode attachment = fake.statuses.get(ref.id()).get("media_attachments").get(0);
    assertThat(attachment.get("url").isTextual()).isTrue();
    assertThat(fake.received.stream().filter(r -> r.path().startsWith("/api/v1/media/"))).isEmpty();
  }

  @Test
  void mediaThatIsNeverProcessedIsARetryableFailureAndNothingIsPosted() {
    fake.mediaProcessingChecks = 1000;
    MastodonConnector impatient =
        new MastodonConnector(
            fake.uri(),
            FakeMastodon.TOKEN,
            Fixtures.http(),
            new MastodonTimings(
                Duration.ofMillis(5),
                4,
                Duration.ofSeconds(1),
                Duration.ofMillis(20),
                Duration.ofMillis(50)),
            Clock.systemUTC());

    assertThatThrownBy(() -> impatient.publish(withImage("Foam"), "slow"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.getMessage())
                  .isEqualTo(
                      "127.0.0.1 is still processing an attachment after 4 checks; try again later");
            });
    assertThat(fake.statusesBy(FakeMastodon.ACCOUNT_ID)).isEmpty();
  }

  @Test
  void moreAttachmentsThanTheInstanceTakesAreRefusedBeforeUploading() {
    OutgoingPost five =
        new OutgoingPost(
            "Five pictures",
            null,
            Collections.nCopies(5, new OutgoingPost.Media(PNG, "image/png", "a cup")),
            null,
            null);

    assertThatThrownBy(() -> mastodon.publish(five, "five"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage("127.0.0.1 takes at most 4 attachments per post; this one has 5");
    assertThat(fake.received("POST", "/api/v2/media")).isEmpty();
  }

  @Test
  void altTextOverTheInstancesLimitIsRefusedBeforeUploading() {
    fake.descriptionLimit = 10;

    assertThatThrownBy(() -> mastodon.publish(withImage("far more than ten characters"), "alt"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage("alt text is at most 10 characters on 127.0.0.1");
    assertThat(fake.received("POST", "/api/v2/media")).isEmpty();
  }

  @Test
  void anImageOverTheInstancesSizeLimitIsRefusedBeforeUploading() {
    fake.imageSizeLimit = 4;

    assertThatThrownBy(() -> mastodon.publish(withImage("Foam"), "big"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageStartingWith("an image is at most 0 MB on 127.0.0.1");
    assertThat(fake.received("POST", "/api/v2/media")).isEmpty();
  }
}
