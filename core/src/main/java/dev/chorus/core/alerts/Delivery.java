package dev.chorus.core.alerts;

import java.time.Instant;

/**
 * One alert's delivery to one destination.
 *
 * @param status pending, sent or failed
 * @param nextAttemptAt when a pending delivery is tried next, else null
 * @param lastError the latest failure's message, or null
 */
public record Delivery(
    String id,
    String alertId,
    String destinationId,
    DestinationKind kind,
    String target,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant sentAt) {
  public boolean failed() {
    return "failed".equals(status);
  }

  public boolean pending() {
    return "pending".equals(status);
  }
}
