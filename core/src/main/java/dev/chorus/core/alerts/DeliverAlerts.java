package dev.chorus.core.alerts;

import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pending deliveries through the {@link AlertSender}. A passing failure is tried again after
 * 30 s, 2 min, 10 min, 30 min and 2 h; after the sixth attempt, or at once for a failure that will
 * not pass (a refused address, a 4xx answer), the delivery is failed with its reason, which the
 * Alerts page shows. Never silent. Called by one thread.
 */
public final class DeliverAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(DeliverAlerts.class);

  /** The waits after the first, second, … failed attempt; one more failure fails for good. */
  public static final List<Duration> RETRY_DELAYS =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(2));

  /** What one round did. */
  public record Round(int sent, int retrying, int failed) {}

  private final Database db;
  private final AlertStore store;
  private final WorkspaceStore workspaces;
  private final AlertSecrets secrets;
  private final AlertSender sender;
  private final Clock clock;

  public DeliverAlerts(
      Database db,
      AlertStore store,
      WorkspaceStore workspaces,
      AlertSecrets secrets,
      AlertSender sender,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.secrets = secrets;
    this.sender = sender;
    this.clock = clock;
  }

  /** Tries at most {@code max} due deliveries, one at a time. */
  public Round deliverDue(int max) {
    List<Delivery> due = db.read(h -> store.due(h, clock.instant(), max));
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    for (Delivery d : due) {
      int attempt = d.attempts() + 1;
      String error = null;
      boolean retryable = false;
      try {
        AlertSender.Message m = message(d, attempt).orElse(null);
        if (m == null) {
          error = "the alert or its destination is gone";
        } else {
          sender.send(m);
        }
      } catch (DeliveryFailure f) {
        error = f.getMessage();
        retryable = f.retryable();
      } catch (RuntimeException e) {
        // A bug in a sender must not stop the others; kept on the delivery, not swallowed.
        LOG.warn("sending alert delivery {} failed unexpectedly", d.id(), e);
        error = "unexpected error: " + e;
      }
      Instant now = clock.instant();
      String why = error;
      if (why == null) {
        db.inTransaction(
            h -> {
              store.recordSent(h, d.id(), attempt, now);
              return null;
            });
        sent++;
      } else {
        Instant next =
            retryable && attempt <= RETRY_DELAYS.size()
                ? now.plus(RETRY_DELAYS.get(attempt - 1))
                : null;
        db.inTransaction(
            h -> {
              store.recordFailure(h, d.id(), attempt, why, next);
              return null;
            });
        if (next == null) failed++;
        else retrying++;
      }
    }
    return new Round(sent, retrying, failed);
  }

  private Optional<AlertSender.Message> message(Delivery d, int attempt) {
    return db.read(
        h ->
            h.createQuery("SELECT workspace_id FROM alert_deliveries WHERE id = :id")
                .bind("id", d.id())
                .mapTo(String.class)
                .findOne()
                .map(dev.chorus.core.workspace.WorkspaceId::new)
                .flatMap(
                    ws -> {
                      Optional<Workspace> w = workspaces.byId(h, ws);
                      Optional<Alert> a = store.find(h, ws, d.alertId());
                      Optional<Destination> dest = store.destination(h, ws, d.destinationId());
                      if (w.isEmpty() || a.isEmpty() || dest.isEmpty()) return Optional.empty();
                      String secret =
                          secrets.open(
                              dest.get().id(), store.sealedSecret(h, dest.get().id()).orElse(null));
                      return Optional.of(
                          new AlertSender.Message(
                              a.get(), w.get(), dest.get(), secret, d.id(), attempt));
                    }));
  }
}
