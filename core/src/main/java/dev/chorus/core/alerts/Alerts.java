package dev.chorus.core.alerts;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.listening.QueryStore;
import dev.chorus.core.security.SecretBox;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import java.util.function.Supplier;

/** The alert services, wired once by {@code Core}. Fields are public and final: wiring only. */
public final class Alerts {
  public final AlertStore store;
  public final AlertSecrets secrets;
  public final AlertSender sender;
  public final EvaluateAlerts evaluate;
  public final DeliverAlerts deliver;
  public final ChangeAlertRule changeRule;
  public final AcknowledgeAlert acknowledge;
  public final ManageDestinations destinations;

  public Alerts(
      Database db,
      QueryStore queries,
      WorkspaceStore workspaces,
      AuditLog audit,
      SecretBox box,
      AlertSender sender,
      Supplier<String> ids,
      Clock clock) {
    this.store = new AlertStore();
    this.secrets = new AlertSecrets(box);
    this.sender = sender;
    this.evaluate = new EvaluateAlerts(db, store, queries, new Detector(), ids, clock);
    this.deliver = new DeliverAlerts(db, store, workspaces, secrets, sender, clock);
    this.changeRule = new ChangeAlertRule(db, store, queries, audit, clock);
    this.acknowledge = new AcknowledgeAlert(db, store, audit, clock);
    this.destinations = new ManageDestinations(db, store, secrets, sender, audit, ids, clock);
  }
}
