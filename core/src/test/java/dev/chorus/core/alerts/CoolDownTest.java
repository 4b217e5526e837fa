package dev.chorus.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoolDownTest {
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration HOUR = Duration.ofHours(1);
  private final Instant t0 = Instant.parse("2026-11-22T09:00:00Z");

  /** Runs one evaluation per minute from {@code from} for {@code minutes}; counts alerts. */
  private record Run(CoolDown.Episode episode, int alerts, int followUps) {}

  private Run run(CoolDown.Episode e, Instant from, int minutes, boolean firing) {
    int alerts = 0;
    int followUps = 0;
    for (int m = 0; m < minutes; m++) {
      CoolDown.Decision d =
          CoolDown.decide(e, firing, from.plus(Duration.ofMinutes(m)), WINDOW, HOUR);
      e = d.next();
      if (d.alert()) alerts++;
      if (d.followUp()) followUps++;
    }
    return new Run(e, alerts, followUps);
  }

  @Test
  void theFirstFiringAlerts() {
    CoolDown.Decision d = CoolDown.decide(null, true, t0, WINDOW, HOUR);
    assertThat(d.alert()).isTrue();
    assertThat(d.followUp()).isFalse();
  }

  @Test
  void theCoolDownSuppressesRepeatsOfAContinuingSpike() {
    Run r = run(null, t0, 60, true);
    assertThat(r.alerts()).isEqualTo(1);
    assertThat(r.followUps()).isZero();
  }

  @Test
  void aSpikeThatOutlivesTheCoolDownGetsOneFollowUpPerPeriod() {
    Run first = run(null, t0, 60, true);
    CoolDown.Decision d = CoolDown.decide(first.episode(), true, t0.plus(HOUR), WINDOW, HOUR);
    assertThat(d.alert()).isTrue();
    assertThat(d.followUp()).isTrue();
    assertThat(d.next().startedAt()).isEqualTo(t0);
    Run rest = run(d.next(), t0.plus(HOUR).plusSeconds(60), 59, true);
    assertThat(rest.alerts()).isZero();
  }

  @Test
  void nothingFiringChangesNothing() {
    assertThat(CoolDown.decide(null, false, t0, WINDOW, HOUR).next()).isNull();
  }

  @Test
  void aNewSpikeInsideTheCoolDownStaysQuietThenAlertsAsNewNotAsFollowUp() {
    Run first = run(null, t0, 5, true); // alert at t0, quiet after t0+4m
    // Quiet for 20 minutes (longer than the window): the episode ended.
    Instant again = t0.plus(Duration.ofMinutes(30));
    CoolDown.Decision d = CoolDown.decide(first.episode(), true, again, WINDOW, HOUR);
    assertThat(d.alert()).isFalse();
    // It goes on past the cool-down of the first alert: announced now, as a new alert.
    Run later = run(d.next(), again.plusSeconds(60), 30, true);
    assertThat(later.alerts()).isEqualTo(1);
    assertThat(later.followUps()).isZero();
  }

  @Test
  void aNewSpikeAfterTheCoolDownIsANewAlert() {
    Run first = run(null, t0, 5, true);
    CoolDown.Decision d =
        CoolDown.decide(first.episode(), true, t0.plus(Duration.ofHours(3)), WINDOW, HOUR);
    assertThat(d.alert()).isTrue();
    assertThat(d.followUp()).isFalse();
    assertThat(d.next().startedAt()).isEqualTo(t0.plus(Duration.ofHours(3)));
  }
}
