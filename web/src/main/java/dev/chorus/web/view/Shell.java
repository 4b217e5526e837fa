package dev.chorus.web.view;

import dev.chorus.core.account.User;
import dev.chorus.core.member.Role;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceStore;
import java.util.List;

/**
 * The frame of a signed-in page.
 *
 * @param workspace the current workspace, or null on pages outside one
 * @param role the user's role in it, or null
 * @param notice a one-off confirmation to show at the top, or null
 * @param unreadNotices the user's unread notices about their posts in this workspace (the bell)
 */
public record Shell(
    String title,
    String csrf,
    User user,
    Workspace workspace,
    Role role,
    List<WorkspaceStore.Joined> workspaces,
    List<Nav.Group> nav,
    String notice,
    String version,
    long unreadNotices) {

  public boolean inWorkspace() {
    return workspace != null;
  }

  public boolean can(Role needed) {
    return role != null && role.atLeast(needed);
  }

  /** The href of a page in the current workspace, such as {@code /w/acme/members}. */
  public String href(String rest) {
    return "/w/" + workspace.slug() + rest;
  }

  public Shell withNotice(String n) {
    return new Shell(
        title, csrf, user, workspace, role, workspaces, nav, n, version, unreadNotices);
  }
}
