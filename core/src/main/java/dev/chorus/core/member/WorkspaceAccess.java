package dev.chorus.core.member;

import dev.chorus.core.account.User;
import dev.chorus.core.account.UserStore;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceStore;

/** Finds the workspace a user asks for, if they belong to it. */
public final class WorkspaceAccess {
  private final Database db;
  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final UserStore users;

  public WorkspaceAccess(
      Database db, WorkspaceStore workspaces, MemberStore members, UserStore users) {
    this.db = db;
    this.workspaces = workspaces;
    this.members = members;
    this.users = users;
  }

  /**
   * The actor for {@code user} in the workspace {@code slug}.
   *
   * @throws NotFound when there is no such workspace or the user does not belong to it: the two
   *     cases look the same from outside
   */
  public Actor enter(User user, String slug, String ip) {
    return db.read(
        h -> {
          var w =
              workspaces
                  .bySlug(h, slug)
                  .orElseThrow(() -> new NotFound("There is no workspace '" + slug + "'."));
          Role role =
              members
                  .roleOf(h, w.id(), user.id())
                  .orElseThrow(() -> new NotFound("There is no workspace '" + slug + "'."));
          return new Actor(user, w, role, ip);
        });
  }

  /** Remembers {@code actor}'s workspace as the one to open after the next sign-in. */
  public void remember(Actor actor) {
    db.inTransaction(
        h -> {
          users.rememberWorkspace(h, actor.user().id(), actor.workspace().id().value());
          return null;
        });
  }
}
