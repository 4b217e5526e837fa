package dev.chorus.core.workspace;

import java.time.Instant;
import java.util.Objects;

/** A brand's or client's space; {@code slug} names it in URLs. */
public record Workspace(WorkspaceId id, String slug, String name, Instant createdAt) {
  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
