package dev.chorus.channels.alert;

import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertKind;
import dev.chorus.core.alerts.AlertSender;
import dev.chorus.core.alerts.DeliveryFailure;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/** Sends an alert as a plain-text email over SMTP (Jakarta Mail), with timeouts. */
public final class EmailAlertSender {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final SmtpSettings smtp;
  private final String publicUrl;
  private final Session session;

  public EmailAlertSender(SmtpSettings smtp, String publicUrl) {
    this.smtp = smtp;
    this.publicUrl = publicUrl;
    Properties p = new Properties();
    String proto = smtp.tls() == SmtpSettings.Tls.SSL ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", smtp.host());
    p.put("mail." + proto + ".port", Integer.toString(smtp.port()));
    p.put("mail." + proto + ".auth", Boolean.toString(smtp.user() != null));
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "20000");
    p.put("mail." + proto + ".writetimeout", "20000");
    if (smtp.tls() == SmtpSettings.Tls.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (smtp.tls() != SmtpSettings.Tls.NONE)
      p.put("mail." + proto + ".ssl.checkserveridentity", "true");
    this.session = Session.getInstance(p);
  }

  /**
   * @throws DeliveryFailure with the server's reason, retryable when it may pass
   */
  public void send(AlertSender.Message m) {
    try {
      MimeMessage msg = new MimeMessage(session);
      msg.setFrom(new InternetAddress(smtp.from()));
      msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.destination().target()));
      msg.setSubject("[Chorus] " + m.alert().headline(), "UTF-8");
      msg.setSentDate(Date.from(m.alert().firedAt()));
      msg.setHeader("X-Chorus-Delivery", m.deliveryId());
      msg.setText(body(m), "UTF-8");
      if (smtp.user() != null) Transport.send(msg, smtp.user(), smtp.password());
      else Transport.send(msg);
    } catch (AuthenticationFailedException e) {
      throw new DeliveryFailure("the SMTP server refused the login: " + e.getMessage(), false, e);
    } catch (SendFailedException e) {
      boolean badAddress = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw new DeliveryFailure(
          "the SMTP server refused the message: " + e.getMessage(), !badAddress, e);
    } catch (MessagingException e) {
      throw new DeliveryFailure("sending email failed: " + reason(e), retryable(e), e);
    }
  }

  /** A connection refused, reset or timed out may pass; an unknown host will not. */
  static boolean retryable(MessagingException e) {
    Throwable c = e;
    while (c != null) {
      if (c instanceof UnknownHostException) return false;
      if (c instanceof IOException) return true;
      c =
          c instanceof MessagingException me && me.getNextException() != null
              ? me.getNextException()
              : c.getCause();
    }
    return true;
  }

  private static String reason(MessagingException e) {
    Exception next = e.getNextException();
    return e.getMessage() + (next != null ? " (" + next.getMessage() + ")" : "");
  }

  private String body(AlertSender.Message m) {
    Alert a = m.alert();
    StringBuilder b = new StringBuilder();
    b.append(a.headline()).append("\n\n");
    b.append("Workspace: ").append(m.workspace().name()).append('\n');
    b.append("Rule: ").append(a.scopeName()).append('\n');
    b.append("Window: ")
        .append(TIME.format(a.windowStart()))
        .append(" to ")
        .append(TIME.format(a.windowEnd()))
        .append('\n');
    b.append("Items in the window: ").append(a.windowCount());
    b.append(" (").append(a.windowNegative()).append(" negative)\n");
    if (a.kind() == AlertKind.VOLUME_SPIKE) {
      b.append(
          String.format(
              Locale.ROOT,
              "Usual for such a window: %.1f (standard deviation %.1f); score %.1f%n",
              a.baselineMean(),
              a.baselineSd(),
              a.score()));
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "Negative share: %.0f%%, usually %.0f%%; score %.1f%n",
              a.share() * 100,
              a.baselineShare() * 100,
              a.score()));
    }
    if (a.followUp())
      b.append("Going on since ").append(TIME.format(a.episodeStartedAt())).append('\n');
    b.append("\nSee it in Chorus: ").append(AlertPayload.link(publicUrl, m)).append('\n');
    return b.toString();
  }
}
