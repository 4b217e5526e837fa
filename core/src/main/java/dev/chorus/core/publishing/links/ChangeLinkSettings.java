package dev.chorus.core.publishing.links;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Turns a workspace's link tracking on or off and sets its utm_campaign; admins only, audited. */
public final class ChangeLinkSettings {
  private final Database db;
  private final LinkStore store;
  private final AuditLog audit;
  private final Clock clock;

  public ChangeLinkSettings(Database db, LinkStore store, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  public LinkSettings change(Actor actor, LinkSettings settings) {
    actor.require(Role.ADMIN, "change link tracking");
    db.inTransaction(
        h -> {
          store.saveSettings(h, actor.workspace().id(), settings, clock.instant());
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "links.settings_changed",
              null,
              "tracking "
                  + (settings.tracking() ? "on" : "off")
                  + ", utm_campaign "
                  + settings.utmCampaign());
          return null;
        });
    return settings;
  }
}
