package dev.chorus.web.view;

import dev.chorus.core.member.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The sidebar, grouped by the product's pillars and modes. A feature adds its pages here when it
 * exists; a group with no pages is not shown, so the navigation never promises what is not built.
 */
public final class Nav {
  /**
   * A link in the sidebar.
   *
   * @param badge a count shown beside the label (the inbox's open conversations), or null
   */
  public record Item(String label, String href, String icon, boolean active, String badge) {
    public Item(String label, String href, String icon, boolean active) {
      this(label, href, icon, active, null);
    }
  }

  /** A titled group of links. */
  public record Group(String label, List<Item> items) {}

  private Nav() {}

  /** The groups for a member with {@code role} in workspace {@code slug}, on page {@code path}. */
  public static List<Group> forWorkspace(String slug, Role role, String path) {
    return forWorkspace(slug, role, path, -1);
  }

  /**
   * @param openInbox the workspace's open conversations, shown on the inbox link; negative for none
   */
  public static List<Group> forWorkspace(String slug, Role role, String path, long openInbox) {
    return forWorkspace(slug, role, path, openInbox, -1);
  }

  /**
   * @param unacknowledgedAlerts the workspace's alerts nobody acknowledged yet, shown on the alerts
   *     link; negative for none
   */
  public static List<Group> forWorkspace(
      String slug, Role role, String path, long openInbox, long unacknowledgedAlerts) {
    return forWorkspace(slug, role, path, openInbox, unacknowledgedAlerts, -1);
  }

  /**
   * @param publishingProblems the workspace's failed and held deliveries, shown on the publishing
   *     problems link; negative for none
   */
  public static List<Group> forWorkspace(
      String slug,
      Role role,
      String path,
      long openInbox,
      long unacknowledgedAlerts,
      long publishingProblems) {
    return forWorkspace(slug, role, path, openInbox, unacknowledgedAlerts, publishingProblems, -1);
  }

  /**
   * @param pendingApprovals posts waiting for approval, shown to editors on the approvals link;
   *     negative for none
   */
  public static List<Group> forWorkspace(
      String slug,
      Role role,
      String path,
      long openInbox,
      long unacknowledgedAlerts,
      long publishingProblems,
      long pendingApprovals) {
    String base = "/w/" + slug;
    List<Group> groups = new ArrayList<>();
    groups.add(new Group("Overview", List.of(item("Dashboard", base, "home", path, true))));
    // Pillar 3, user-initiated conversation: what people say, heard through saved queries and
    // answered from the inbox.
    Item inbox = item("Inbox", base + "/inbox", "inbox", path, false);
    if (openInbox > 0) {
      String n = openInbox >= 1000 ? "999+" : Long.toString(openInbox);
      inbox = new Item(inbox.label(), inbox.href(), inbox.icon(), inbox.active(), n);
    }
    groups.add(
        new Group(
            "Listen",
            List.of(
                inbox,
                item("Saved queries", base + "/queries", "search", path, false),
                counted(
                    item("Alerts", base + "/alerts", "alert", path, false),
                    unacknowledgedAlerts))));
    // Pillar 1, broadcasting: what goes out, and what stopped on its way.
    List<Item> publish = new ArrayList<>();
    if (role.atLeast(Role.CONTRIBUTOR)) {
      publish.add(item("Compose", base + "/publish/compose", "plus", path, false));
    }
    publish.add(item("Drafts", base + "/publish/drafts", "note", path, false));
    publish.add(item("Calendar", base + "/publish/calendar", "grid", path, false));
    publish.add(item("Queue", base + "/publish/queue", "list", path, false));
    publish.add(item("Recurring", base + "/publish/recurring", "list", path, false));
    publish.add(item("Feed automations", base + "/publish/automations", "rss", path, false));
    if (role.atLeast(Role.EDITOR)) {
      publish.add(item("Import CSV", base + "/publish/import", "list", path, false));
    }
    if (role.atLeast(Role.EDITOR)) {
      publish.add(
          counted(
              item("Approvals", base + "/publish/approvals", "check", path, false),
              pendingApprovals));
    }
    publish.add(item("Links", base + "/publish/links", "external", path, false));
    publish.add(
        counted(
            item("Problems", base + "/publish/problems", "alert", path, false),
            publishingProblems));
    publish.add(item("Settings", base + "/publish/settings", "shield", path, false));
    groups.add(new Group("Publish", publish));
    List<Item> workspace = new ArrayList<>();
    workspace.add(item("Channels", base + "/channels", "plug", path, false));
    workspace.add(item("Members", base + "/members", "users", path, false));
    if (role.atLeast(Role.ADMIN)) {
      workspace.add(item("Audit log", base + "/audit", "list", path, false));
    }
    workspace.add(item("API tokens", base + "/tokens", "key", path, false));
    groups.add(new Group("Workspace", workspace));
    return groups.stream().filter(g -> !g.items().isEmpty()).toList();
  }

  private static Item counted(Item i, long count) {
    if (count <= 0) return i;
    return new Item(
        i.label(), i.href(), i.icon(), i.active(), count >= 1000 ? "999+" : Long.toString(count));
  }

  private static Item item(String label, String href, String icon, String path, boolean exact) {
    boolean active = exact ? path.equals(href) : path.equals(href) || path.startsWith(href + "/");
    return new Item(label, href, icon, active);
  }
}
