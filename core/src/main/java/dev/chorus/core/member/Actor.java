package dev.chorus.core.member;

import dev.chorus.core.account.User;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.workspace.Workspace;
import java.util.Objects;

/**
 * A user acting in one workspace with their role there, and the address they act from (null from
 * the command line).
 */
public record Actor(User user, Workspace workspace, Role role, String ip) {
  public Actor {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(role, "role");
  }

  /** Throws {@link NotPermitted} unless this actor's role includes {@code needed}. */
  public void require(Role needed, String toDoWhat) {
    if (!role.atLeast(needed)) {
      throw new NotPermitted(
          "Only "
              + needed.label().toLowerCase(java.util.Locale.ROOT)
              + "s and above can "
              + toDoWhat
              + "; your role here is "
              + role.label().toLowerCase(java.util.Locale.ROOT)
              + ".");
    }
  }

  public AuditLog.Who who() {
    return new AuditLog.Who(user.id().value(), user.displayName(), ip);
  }
}
