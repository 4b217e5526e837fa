package dev.chorus.core.member;

import dev.chorus.core.error.Invalid;
import java.util.Locale;

/**
 * What a member may do in a workspace, from most to least. Each role includes everything below it:
 * viewers read; contributors draft; editors publish and approve; admins manage members, channels
 * and settings; owners also manage owners and the workspace itself.
 */
public enum Role {
  OWNER("Owner", "Everything, including owners and the workspace itself"),
  ADMIN("Admin", "Members, channels, settings and the audit log"),
  EDITOR("Editor", "Publishes and approves; answers conversations"),
  CONTRIBUTOR("Contributor", "Drafts posts and replies for approval"),
  VIEWER("Viewer", "Reads everything, changes nothing");

  private final String label;
  private final String summary;

  Role(String label, String summary) {
    this.label = label;
    this.summary = summary;
  }

  /** True when this role includes {@code other}'s permissions. */
  public boolean atLeast(Role other) {
    return ordinal() <= other.ordinal();
  }

  /** The lowercase name used in the database, the API and forms. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public String summary() {
    return summary;
  }

  /** Parses a role key; an unknown value is {@link Invalid} for {@code field}. */
  public static Role parse(String field, String value) {
    if (value == null || value.isBlank()) throw new Invalid(field, "choose a role");
    for (Role r : values()) if (r.key().equals(value.strip().toLowerCase(Locale.ROOT))) return r;
    throw new Invalid(
        field, "unknown role '" + value + "': use owner, admin, editor, contributor or viewer");
  }
}
