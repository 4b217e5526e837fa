package dev.chorus.core.channel;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A connected channel and its health. The credentials are not here: they stay sealed in the store
 * and only {@link ChannelSecrets} opens them, for a connector.
 *
 * @param address the instance URL, handle or feed URL
 * @param settings non-secret settings, such as {@code interval_minutes} (or {@code
 *     interval_seconds}, which wins, for the demo network's live stream)
 * @param cursor where the next read starts, or null before the first read
 * @param lastSuccessAt null before the first successful call
 * @param lastError the last failure's message, or null when the last call succeeded
 * @param tokenExpiresAt null when the credentials do not expire
 * @param disconnectedAt null while connected
 */
public record Channel(
    ChannelId id,
    WorkspaceId workspaceId,
    Network network,
    String name,
    String address,
    Map<String, String> settings,
    String cursor,
    Instant createdAt,
    Instant lastSuccessAt,
    String lastError,
    Instant lastErrorAt,
    Instant tokenExpiresAt,
    Instant nextPollAt,
    Instant disconnectedAt) {
  public Channel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(network, "network");
    settings = Map.copyOf(settings);
  }

  /** connected, failing, waiting (never read yet) or disconnected. */
  public String health() {
    if (disconnectedAt != null) return "disconnected";
    // A success clears the error, so an error still here is the latest outcome.
    if (lastError != null) return "failing";
    if (lastSuccessAt == null) return "waiting";
    return "connected";
  }

  /** How long after a read the next one is due. */
  public java.time.Duration pollInterval() {
    String seconds = settings.get("interval_seconds");
    if (seconds != null) {
      try {
        return java.time.Duration.ofSeconds(Math.max(1, Integer.parseInt(seconds)));
      } catch (NumberFormatException e) {
        // Fall back to the minutes below.
      }
    }
    return java.time.Duration.ofMinutes(intervalMinutes());
  }

  public int intervalMinutes() {
    try {
      return Integer.parseInt(settings.getOrDefault("interval_minutes", "15"));
    } catch (NumberFormatException e) {
      return 15;
    }
  }
}
