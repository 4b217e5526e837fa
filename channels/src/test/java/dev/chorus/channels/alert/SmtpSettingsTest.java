package dev.chorus.channels.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  @Test
  void noHostMeansNoEmail() {
    assertThat(SmtpSettings.fromEnv(Map.of())).isEmpty();
  }

  @Test
  void oneUrlGivesEverything() {
    SmtpSettings s =
        SmtpSettings.fromEnv(
                Map.of(
                    "CHORUS_SMTP_URL",
                    "smtp://alerts%40x.example:p%40ss@mail.x.example:2525?from=alerts@x.example"))
            .orElseThrow();
    assertThat(s.host()).isEqualTo("mail.x.example");
    assertThat(s.port()).isEqualTo(2525);
    assertThat(s.user()).isEqualTo("alerts@x.example");
    assertThat(s.password()).isEqualTo("p@ss");
    assertThat(s.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
    assertThat(s.toString()).doesNotContain("p@ss");
  }

  @Test
  void smtpsMeansTlsFromTheStart() {
    SmtpSettings s =
        SmtpSettings.fromEnv(Map.of("CHORUS_SMTP_URL", "smtps://mail.x.example?from=a@x.example"))
            .orElseThrow();
    assertThat(s.port()).isEqualTo(465);
    assertThat(s.tls()).isEqualTo(SmtpSettings.Tls.SSL);
  }

  @Test
  void separateVariablesWork() {
    SmtpSettings s =
        SmtpSettings.fromEnv(
                Map.of(
                    "CHORUS_SMTP_HOST", "mail.x.example",
                    "CHORUS_SMTP_USER", "u",
                    "CHORUS_SMTP_PASSWORD", "p",
                    "CHORUS_SMTP_FROM", "a@x.example"))
            .orElseThrow();
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.user()).isEqualTo("u");
  }

  @Test
  void aHostWithoutASenderIsAClearError() {
    assertThatThrownBy(() -> SmtpSettings.fromEnv(Map.of("CHORUS_SMTP_HOST", "mail.x.example")))
        .hasMessageContaining("CHORUS_SMTP_FROM");
    assertThatThrownBy(() -> SmtpSettings.fromEnv(Map.of("CHORUS_SMTP_URL", "http://x")))
        .hasMessageContaining("smtp://");
  }
}
