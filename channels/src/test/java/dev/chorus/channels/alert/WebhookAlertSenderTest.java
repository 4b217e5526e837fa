package dev.chorus.channels.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.webhook.ReceiveWebhook;
import dev.chorus.core.alerts.DeliveryFailure;
import dev.chorus.core.alerts.DestinationKind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookAlertSenderTest {
  private final RecordingWebhookReceiver receiver = new RecordingWebhookReceiver();
  private final Clock clock = Clock.fixed(Messages.FIRED.plusSeconds(5), ZoneOffset.UTC);
  private final WebhookAlertSender sender =
      new WebhookAlertSender(
          new SafeHttp(NetworkPolicy.loopbackForTests(), "Chorus/test"),
          "https://chorus.example",
          clock);

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void anAlertArrivesAsSignedJson() throws Exception {
    sender.send(Messages.to(DestinationKind.WEBHOOK, receiver.uri().toString(), "whsec_abc"));
    assertThat(receiver.received()).hasSize(1);
    RecordingWebhookReceiver.Received r = receiver.received().get(0);
    String ts = r.header("X-Chorus-Timestamp");
    assertThat(ts).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    String expected =
        "sha256=" + HexFormat.of().formatHex(ReceiveWebhook.hmac("whsec_abc", ts + "." + r.body()));
    assertThat(r.header("X-Chorus-Signature")).isEqualTo(expected);
    assertThat(r.header("X-Chorus-Delivery")).isEqualTo("DL1");
    assertThat(r.header("X-Chorus-Event")).isEqualTo("alert");
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.get("type").asText()).isEqualTo("chorus.alert");
    assertThat(json.get("kind").asText()).isEqualTo("volume_spike");
    assertThat(json.at("/scope/name").asText()).isEqualTo("Brand mentions");
    assertThat(json.at("/window/count").asLong()).isEqualTo(52);
    assertThat(json.at("/baseline/mean").asDouble()).isEqualTo(10.0);
    assertThat(json.at("/detail/sensitivity").asText()).isEqualTo("medium");
    assertThat(json.get("url").asText()).isEqualTo("https://chorus.example/w/acme/alerts#alert-A1");
  }

  @Test
  void aServerErrorIsAFailureWorthRetrying() {
    receiver.answer(500);
    assertThatThrownBy(
            () ->
                sender.send(
                    Messages.to(DestinationKind.WEBHOOK, receiver.uri().toString(), "whsec_abc")))
        .isInstanceOfSatisfying(
            DeliveryFailure.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.getMessage()).contains("127.0.0.1 answered 500");
            });
  }

  @Test
  void aRefusalIsAFailureThatWillNotPass() {
    receiver.answer(404);
    assertThatThrownBy(
            () ->
                sender.send(
                    Messages.to(DestinationKind.WEBHOOK, receiver.uri().toString(), "whsec_abc")))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable()).isFalse());
  }

  @Test
  void aPassingGatewayFailureIsRetriedWithinTheAttempt() {
    receiver.answer(503);
    sender.send(Messages.to(DestinationKind.WEBHOOK, receiver.uri().toString(), "whsec_abc"));
    assertThat(receiver.received()).hasSize(2);
    assertThat(receiver.received().get(1).header("X-Chorus-Delivery")).isEqualTo("DL1");
  }

  @Test
  void aPrivateAddressIsRefusedByTheNetworkPolicy() {
    WebhookAlertSender production =
        new WebhookAlertSender(
            new SafeHttp(NetworkPolicy.production(), "Chorus/test"), "https://c.example", clock);
    assertThatThrownBy(
            () ->
                production.send(
                    Messages.to(DestinationKind.WEBHOOK, receiver.uri().toString(), "whsec_abc")))
        .isInstanceOf(DeliveryFailure.class);
    assertThat(receiver.received()).isEmpty();
  }
}
