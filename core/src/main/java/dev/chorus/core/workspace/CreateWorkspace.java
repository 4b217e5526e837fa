package dev.chorus.core.workspace;

import dev.chorus.core.Ids;
import dev.chorus.core.account.User;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.MemberStore;
import dev.chorus.core.member.Role;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** Creates a workspace with its creator as owner. */
public final class CreateWorkspace {
  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final AuditLog audit;
  private final Ids ids;
  private final Clock clock;

  public CreateWorkspace(
      WorkspaceStore workspaces, MemberStore members, AuditLog audit, Ids ids, Clock clock) {
    this.workspaces = workspaces;
    this.members = members;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Creates the workspace {@code name} owned by {@code creator}, on the caller's transaction.
   *
   * @throws Invalid for field {@code name} when it is blank or too long
   */
  public Workspace create(Handle h, User creator, String name, String ip) {
    String n = validName(name);
    Workspace w = new Workspace(new WorkspaceId(ids.next()), uniqueSlug(h, n), n, clock.instant());
    workspaces.insert(h, w);
    members.add(h, w.id(), creator.id(), Role.OWNER);
    audit.record(
        h,
        w.id(),
        new AuditLog.Who(creator.id().value(), creator.displayName(), ip),
        "workspace.created",
        n,
        null);
    return w;
  }

  /** The trimmed name; {@link Invalid} for field {@code name} when unusable. */
  public static String validName(String name) {
    if (name == null || name.isBlank()) throw new Invalid("name", "enter a workspace name");
    String n = name.strip();
    if (n.length() > 80) throw new Invalid("name", "a workspace name is at most 80 characters");
    return n;
  }

  private String uniqueSlug(Handle h, String name) {
    String base =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (base.isEmpty()) base = "workspace";
    if (base.length() > 40) base = base.substring(0, 40).replaceAll("-+$", "");
    String slug = base;
    for (int i = 2; workspaces.slugTaken(h, slug); i++) slug = base + "-" + i;
    return slug;
  }
}
