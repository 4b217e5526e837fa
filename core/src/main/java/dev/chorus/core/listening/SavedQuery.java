package dev.chorus.core.listening;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved query.
 *
 * @param sources the channel ids it listens to; empty for every channel
 * @param disabledAt null while enabled
 */
public record SavedQuery(
    String id,
    WorkspaceId workspaceId,
    String name,
    String text,
    List<String> sources,
    Instant disabledAt,
    Instant createdAt,
    Instant updatedAt) {
  public SavedQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    sources = List.copyOf(sources);
  }

  public boolean enabled() {
    return disabledAt == null;
  }
}
