package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/**
 * Sets what the workspace does with posts that fell due while the server was down (admins and
 * above): send them on restart, or hold them for someone to send or discard. Applies from the next
 * start of the server.
 */
public final class ChangeMissedPosts {
  private final Database db;
  private final Deliveries deliveries;
  private final AuditLog audit;
  private final Clock clock;

  public ChangeMissedPosts(Database db, Deliveries deliveries, AuditLog audit, Clock clock) {
    this.db = db;
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
  }

  /** Stores {@code choice}; choosing what is already in force records nothing. */
  public void change(Actor actor, MissedPosts choice) {
    actor.require(Role.ADMIN, "change publishing settings");
    db.inTransaction(
        h -> {
          if (deliveries.missedPosts(h, actor.workspace().id()) == choice) return null;
          deliveries.setMissedPosts(h, actor.workspace().id(), choice, clock.instant());
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "publishing.missed_posts_changed",
              null,
              "posts that fell due while the server was down: " + choice.key());
          return null;
        });
  }
}
