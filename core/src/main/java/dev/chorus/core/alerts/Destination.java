package dev.chorus.core.alerts;

import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a workspace's alerts go: a webhook URL (signed with its own secret, sealed at rest) or an
 * email address.
 */
public record Destination(
    String id, WorkspaceId workspaceId, DestinationKind kind, String target, Instant createdAt) {
  // A web address's user info: between "scheme://" and the authority's last "@".
  private static final Pattern USER_INFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#]*)@");

  public Destination {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }

  /** The target as it may be shown (API, audit): see {@link #shown}. */
  public String shownTarget() {
    return shown(kind, target);
  }

  /**
   * A target as it may be shown: a webhook address with credentials in it ({@code
   * https://user:password@host/...}) has them replaced by {@code ***}; anything else as it is.
   */
  public static String shown(DestinationKind kind, String target) {
    if (kind != DestinationKind.WEBHOOK) return target;
    Matcher m = USER_INFO.matcher(target);
    return m.find() ? m.group(1) + "***@" + target.substring(m.end()) : target;
  }

  /** {@code text} (an error message) with the target's credentials, if any, replaced by ***. */
  public static String withoutCredentials(DestinationKind kind, String target, String text) {
    if (text == null || kind != DestinationKind.WEBHOOK) return text;
    Matcher m = USER_INFO.matcher(target);
    return m.find() && !m.group(2).isEmpty() ? text.replace(m.group(2), "***") : text;
  }
}
