package dev.chorus.core.alerts;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Marks an alert as seen and handled (editors and above); acknowledging twice changes nothing. */
public final class AcknowledgeAlert {
  private final Database db;
  private final AlertStore store;
  private final AuditLog audit;
  private final Clock clock;

  public AcknowledgeAlert(Database db, AlertStore store, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws NotFound when the alert is not this workspace's
   */
  public void acknowledge(Actor actor, String alertId) {
    actor.require(Role.EDITOR, "acknowledge alerts");
    db.inTransaction(
        h -> {
          if (store.find(h, actor.workspace().id(), alertId).isEmpty())
            throw new NotFound("There is no such alert here.");
          if (store.acknowledge(
              h, actor.workspace().id(), alertId, actor.user().id().value(), clock.instant())) {
            audit.record(
                h, actor.workspace().id(), actor.who(), "alert.acknowledged", alertId, null);
          }
          return null;
        });
  }
}
