package dev.chorus.core.alerts;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert as stored.
 *
 * @param scope a saved query's id, or {@link AlertStore#WORKSPACE_SCOPE}
 * @param queryId the saved query, or null for the workspace rule or a deleted query
 * @param scopeName the query's name when the alert fired (or "All items")
 * @param followUp true for a "still going" alert of an episode already announced
 * @param detail the thresholds and numbers that triggered it, as JSON
 * @param acknowledgedBy the user id, or null while unacknowledged
 * @param acknowledgedByName their display name, or null
 */
public record Alert(
    String id,
    WorkspaceId workspaceId,
    String scope,
    String queryId,
    String scopeName,
    AlertKind kind,
    boolean followUp,
    Instant episodeStartedAt,
    Instant firedAt,
    Instant windowStart,
    Instant windowEnd,
    long windowCount,
    long windowNegative,
    double baselineMean,
    double baselineSd,
    double baselineShare,
    double score,
    String detail,
    String acknowledgedBy,
    String acknowledgedByName,
    Instant acknowledgedAt) {
  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  /** The window's negative share, 0 to 1. */
  public double share() {
    return windowCount == 0 ? 0 : (double) windowNegative / windowCount;
  }

  /** A one-line summary for a notification's subject and the list. */
  public String headline() {
    long minutes = java.time.Duration.between(windowStart, windowEnd).toMinutes();
    String what =
        kind == AlertKind.VOLUME_SPIKE
            ? windowCount
                + " items in "
                + minutes
                + " min (usually "
                + String.format(java.util.Locale.ROOT, "%.1f", baselineMean)
                + ")"
            : Math.round(share() * 100)
                + "% negative in "
                + minutes
                + " min (usually "
                + Math.round(baselineShare * 100)
                + "%)";
    return (followUp ? "Still going: " : "") + kind.label() + " on " + scopeName + ": " + what;
  }
}
