package dev.chorus.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A destination's target as shown: a webhook address without the credentials it may carry. */
class DestinationTest {
  @Test
  void aWebhookAddressIsShownWithoutItsCredentials() {
    assertThat(Destination.shown(DestinationKind.WEBHOOK, "https://u:p%40ss@h.example/x?y=1#z"))
        .isEqualTo("https://***@h.example/x?y=1#z");
    assertThat(Destination.shown(DestinationKind.WEBHOOK, "http://token@h.example:8443"))
        .isEqualTo("http://***@h.example:8443");
    // An @ after the authority is not a credential.
    assertThat(Destination.shown(DestinationKind.WEBHOOK, "https://h.example/a@b?c=d@e"))
        .isEqualTo("https://h.example/a@b?c=d@e");
    assertThat(Destination.shown(DestinationKind.EMAIL, "team@acme.example"))
        .isEqualTo("team@acme.example");
  }

  @Test
  void anErrorIsShownWithoutTheCredentials() {
    assertThat(
            Destination.withoutCredentials(
                DestinationKind.WEBHOOK, "https://u:secret@h.example/x", "'u:secret' refused"))
        .isEqualTo("'***' refused");
    assertThat(
            Destination.withoutCredentials(
                DestinationKind.WEBHOOK, "https://h.example/x", "h.example answered 500"))
        .isEqualTo("h.example answered 500");
    assertThat(Destination.withoutCredentials(DestinationKind.WEBHOOK, "https://h.example", null))
        .isNull();
  }
}
