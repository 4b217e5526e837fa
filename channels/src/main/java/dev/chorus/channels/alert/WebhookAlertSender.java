package dev.chorus.channels.alert;

import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.webhook.ReceiveWebhook;
import dev.chorus.core.alerts.AlertSender;
import dev.chorus.core.alerts.DeliveryFailure;
import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Posts an alert as JSON to a webhook through {@link SafeHttp}, signed like Chorus's inbound
 * webhooks: {@code X-Chorus-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body)} with
 * {@code X-Chorus-Timestamp} in Unix seconds, and {@code X-Chorus-Delivery} the same on every retry
 * so the receiver can drop a repeat.
 */
public final class WebhookAlertSender {
  private final SafeHttp http;
  private final String publicUrl;
  private final Clock clock;

  public WebhookAlertSender(SafeHttp http, String publicUrl, Clock clock) {
    this.http = http;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /**
   * @throws DeliveryFailure with the receiver's status or the network's reason
   */
  public void send(AlertSender.Message m) {
    if (m.secret() == null) throw new DeliveryFailure("the webhook has no signing secret", false);
    String body = AlertPayload.json(publicUrl, m);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String signature =
        "sha256="
            + HexFormat.of().formatHex(ReceiveWebhook.hmac(m.secret(), timestamp + "." + body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(m.destination().target()))
            .timeout(http.policy().readTimeout())
            .header("Content-Type", "application/json")
            .header("X-Chorus-Event", "alert")
            .header("X-Chorus-Delivery", m.deliveryId())
            .header("X-Chorus-Timestamp", timestamp)
            .header("X-Chorus-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    SafeHttp.Response r;
    try {
      // Idempotent: the delivery id lets the receiver drop a repeat, so SafeHttp may retry
      // passing failures (429, 502-504, resets) with backoff within this attempt.
      r = http.send(request, true);
    } catch (ChannelFailure f) {
      throw new DeliveryFailure(f.getMessage(), f.retryable(), f);
    }
    if (r.status() >= 200 && r.status() < 300) return;
    throw new DeliveryFailure(
        host(m) + " answered " + r.status() + snippet(r.text()), retryable(r.status()));
  }

  /**
   * Which answers are worth a later attempt. Unlike a post to a network, a repeated alert cannot do
   * harm (the receiver sees the same delivery id), so a plain 500 is tried again too.
   */
  static boolean retryable(int status) {
    // Rate limited or the server failing: it may pass.
    if (status == 429 || status == 408 || status >= 500) return true;
    // A redirect we would not follow, or a refusal (wrong URL, wrong secret): it will not pass.
    return false;
  }

  private static String host(AlertSender.Message m) {
    String h = URI.create(m.destination().target()).getHost();
    return h == null ? "the webhook" : h;
  }

  private static String snippet(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) return "";
    return ": " + (t.length() > 200 ? t.substring(0, 200) + "…" : t);
  }
}
