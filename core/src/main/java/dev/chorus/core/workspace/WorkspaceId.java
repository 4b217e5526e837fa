package dev.chorus.core.workspace;

/** The id of a workspace. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("workspace id is blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
