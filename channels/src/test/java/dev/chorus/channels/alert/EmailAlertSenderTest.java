package dev.chorus.channels.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.chorus.core.alerts.DeliveryFailure;
import dev.chorus.core.alerts.DestinationKind;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailAlertSenderTest {
  private GreenMail mail;
  private int port;

  @BeforeEach
  void start() throws Exception {
    port = freePort();
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.setUser("alerts@chorus.example", "alerts", "s3cret");
    mail.start();
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private EmailAlertSender sender(String password) {
    return new EmailAlertSender(
        new SmtpSettings(
            "127.0.0.1", port, "alerts", password, "alerts@chorus.example", SmtpSettings.Tls.NONE),
        "https://chorus.example");
  }

  @Test
  void anAlertArrivesAsEmail() throws Exception {
    sender("s3cret").send(Messages.to(DestinationKind.EMAIL, "team@acme.example", null));
    assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getSubject())
        .isEqualTo("[Chorus] Volume spike on Brand mentions: 52 items in 15 min (usually 10.0)");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("team@acme.example");
    assertThat(m.getFrom()[0].toString()).isEqualTo("alerts@chorus.example");
    assertThat(m.getHeader("X-Chorus-Delivery")[0]).isEqualTo("DL1");
    String body = GreenMailUtil.getBody(m);
    assertThat(body).contains("Workspace: Acme <Coffee>");
    assertThat(body).contains("https://chorus.example/w/acme/alerts#alert-A1");
  }

  @Test
  void aRefusedLoginIsAFailureThatWillNotPass() {
    assertThatThrownBy(
            () -> sender("wrong").send(Messages.to(DestinationKind.EMAIL, "t@acme.example", null)))
        .isInstanceOfSatisfying(
            DeliveryFailure.class,
            f -> {
              assertThat(f.retryable()).isFalse();
              assertThat(f.getMessage()).contains("refused the login");
            });
  }

  @Test
  void aServerThatIsDownIsAFailureWorthRetrying() {
    mail.stop();
    assertThatThrownBy(
            () -> sender("s3cret").send(Messages.to(DestinationKind.EMAIL, "t@acme.example", null)))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable()).isTrue());
  }
}
