package dev.chorus.core.alerts;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.listening.QueryStore;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Changes the alert rule of a saved query or of the whole workspace (editors and above). */
public final class ChangeAlertRule {
  private final Database db;
  private final AlertStore store;
  private final QueryStore queries;
  private final AuditLog audit;
  private final Clock clock;

  public ChangeAlertRule(
      Database db, AlertStore store, QueryStore queries, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param scope a saved query's id or {@link AlertStore#WORKSPACE_SCOPE}
   * @throws NotFound when the query is not this workspace's
   */
  public void change(Actor actor, String scope, AlertRule rule) {
    actor.require(Role.EDITOR, "change alert rules");
    db.inTransaction(
        h -> {
          if (!AlertStore.WORKSPACE_SCOPE.equals(scope)
              && queries.find(h, actor.workspace().id(), scope).isEmpty()) {
            throw new NotFound("There is no such query here.");
          }
          store.saveRule(
              h, actor.workspace().id(), scope, rule, actor.user().id().value(), clock.instant());
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "alert_rule.changed",
              scope,
              (rule.volume() ? "volume " : "")
                  + (rule.negative() ? "negative " : "")
                  + rule.window().toMinutes()
                  + " min, "
                  + rule.sensitivity().key()
                  + ", min "
                  + rule.minCount());
          return null;
        });
  }
}
