package dev.chorus.channels.alert;

import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertKind;
import dev.chorus.core.alerts.AlertSender;
import dev.chorus.core.alerts.Destination;
import dev.chorus.core.alerts.DestinationKind;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;

/** Alerts and messages as the evaluator makes them, for sender tests. */
final class Messages {
  static final Instant FIRED = Instant.parse("2026-11-22T10:15:00Z");
  static final Workspace WORKSPACE =
      new Workspace(new WorkspaceId("W1"), "acme", "Acme <Coffee>", FIRED.minusSeconds(86_400));

  private Messages() {}

  static Alert spike() {
    return new Alert(
        "A1",
        WORKSPACE.id(),
        "Q1",
        "Q1",
        "Brand mentions",
        AlertKind.VOLUME_SPIKE,
        false,
        FIRED,
        FIRED,
        FIRED.minusSeconds(900),
        FIRED,
        52,
        4,
        10.0,
        2.5,
        0.1,
        13.3,
        "{\"sensitivity\":\"medium\",\"z_threshold\":3.0}",
        null,
        null,
        null);
  }

  static AlertSender.Message to(DestinationKind kind, String target, String secret) {
    return new AlertSender.Message(
        spike(),
        WORKSPACE,
        new Destination("D1", WORKSPACE.id(), kind, target, FIRED),
        secret,
        "DL1",
        1);
  }
}
