package dev.chorus.channels.alert;

import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.alerts.AlertSender;
import dev.chorus.core.alerts.DeliveryFailure;
import dev.chorus.core.alerts.DestinationKind;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** The {@link AlertSender} the app gives core: webhooks always, email when SMTP is set. */
public final class AlertSenders implements AlertSender {
  private final WebhookAlertSender webhook;
  private final EmailAlertSender email;

  /**
   * @param smtp null when this server has no SMTP settings (no email is offered)
   * @param publicUrl the address people use, for the link in each alert
   */
  public AlertSenders(SafeHttp http, SmtpSettings smtp, String publicUrl, Clock clock) {
    this.webhook = new WebhookAlertSender(http, publicUrl, clock);
    this.email = smtp == null ? null : new EmailAlertSender(smtp, publicUrl);
  }

  @Override
  public Set<DestinationKind> kinds() {
    return email == null
        ? EnumSet.of(DestinationKind.WEBHOOK)
        : EnumSet.of(DestinationKind.WEBHOOK, DestinationKind.EMAIL);
  }

  @Override
  public void send(Message m) {
    switch (m.destination().kind()) {
      case WEBHOOK -> webhook.send(m);
      case EMAIL -> {
        if (email == null)
          throw new DeliveryFailure(
              "this server has no SMTP settings any more (CHORUS_SMTP_URL)", false);
        email.send(m);
      }
    }
  }
}
