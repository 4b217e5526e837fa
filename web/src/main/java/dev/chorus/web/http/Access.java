package dev.chorus.web.http;

import dev.chorus.core.member.Role;
import io.javalin.security.RouteRole;

/**
 * Who may reach a route. Every route declares exactly one; {@link Auth} enforces it before the
 * handler runs. Workspace routes ({@code /w/{slug}/...} and the API) name the least role needed.
 */
public enum Access implements RouteRole {
  /** Anyone, signed in or not. */
  PUBLIC(null),
  /** Any signed-in user; no workspace involved. */
  SIGNED_IN(null),
  VIEWER(Role.VIEWER),
  CONTRIBUTOR(Role.CONTRIBUTOR),
  EDITOR(Role.EDITOR),
  ADMIN(Role.ADMIN),
  OWNER(Role.OWNER);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The least workspace role needed, or null for {@link #PUBLIC} and {@link #SIGNED_IN}. */
  public Role role() {
    return role;
  }
}
