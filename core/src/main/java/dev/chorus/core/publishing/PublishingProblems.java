package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.store.Database;
import java.time.Clock;

/**
 * The services that keep publishing failures from going unnoticed: the failed and held deliveries
 * and what can be done with them, the authors' notices, and the missed-posts setting. Wired once by
 * {@code Core}; fields are public and final: wiring only.
 */
public final class PublishingProblems {
  public final ProblemDeliveries deliveries;
  public final RetryDelivery retry;
  public final SendHeldDelivery sendHeld;
  public final DiscardDelivery discard;
  public final PostNotices notices;
  public final ChangeMissedPosts changeMissedPosts;

  public PublishingProblems(
      Database db,
      Deliveries store,
      Retries retries,
      AuditLog audit,
      Clock clock,
      Runnable wakeScheduler) {
    this.deliveries = new ProblemDeliveries(retries);
    this.retry = new RetryDelivery(db, deliveries, store, audit, clock, wakeScheduler);
    this.sendHeld = new SendHeldDelivery(db, deliveries, store, audit, clock, wakeScheduler);
    this.discard = new DiscardDelivery(db, deliveries, store, audit, clock);
    this.notices = new PostNotices(db, clock);
    this.changeMissedPosts = new ChangeMissedPosts(db, store, audit, clock);
  }
}
