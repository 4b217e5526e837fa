package dev.chorus.core.alerts;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a workspace's alerts go: a webhook URL (signed with its own secret, sealed at rest) or an
 * email address.
 */
public record Destination(
    String id, WorkspaceId workspaceId, DestinationKind kind, String target, Instant createdAt) {
  public Destination {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }
}
