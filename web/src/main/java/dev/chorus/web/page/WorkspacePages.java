package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.audit.AuditEntry;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Member;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dashboard, the workspace list and switcher, and creating a workspace. */
public final class WorkspacePages {
  /** What the dashboard shows. */
  public record Dashboard(
      int memberCount,
      List<Member> team,
      List<AuditEntry> recent,
      List<String> activityDays,
      List<Integer> activityCounts,
      long pendingInvitations) {}

  private final Core core;
  private final Pages pages;

  public WorkspacePages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/", this::home, Access.SIGNED_IN);
    r.get("/workspaces", this::list, Access.SIGNED_IN);
    r.post("/workspaces", this::create, Access.SIGNED_IN);
    r.get("/w/{slug}", this::dashboard, Access.VIEWER);
  }

  private void home(Context ctx) {
    var user = Req.user(ctx);
    var joined = core.db.read(h -> core.workspaces.joinedBy(h, user.id()));
    if (joined.isEmpty()) {
      ctx.redirect("/workspaces");
      return;
    }
    String last = core.db.read(h -> core.users.lastWorkspace(h, user.id())).orElse(null);
    Workspace target =
        joined.stream()
            .map(j -> j.workspace())
            .filter(w -> w.id().value().equals(last))
            .findFirst()
            .orElse(joined.get(0).workspace());
    ctx.redirect("/w/" + target.slug());
  }

  private void list(Context ctx) {
    renderList(ctx, Form.empty());
  }

  private void renderList(Context ctx, Form form) {
    Map<String, Object> p = new HashMap<>();
    p.put("shell", pages.shell(ctx, "Workspaces"));
    p.put("form", form);
    pages.render(ctx, "workspaces.jte", p);
  }

  private void create(Context ctx) {
    String name = ctx.formParam("name");
    try {
      Workspace w =
          core.db.inTransaction(
              h -> core.createWorkspace.create(h, Req.user(ctx), name, Req.ip(ctx)));
      ctx.redirect("/w/" + w.slug() + "?notice=created");
    } catch (Invalid e) {
      ctx.status(400);
      renderList(ctx, Form.empty().with("name", name).failed(e));
    }
  }

  private void dashboard(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.access.remember(actor);
    var ws = actor.workspace().id();
    boolean admin = actor.role().atLeast(Role.ADMIN);
    int count = core.db.read(h -> core.members.count(h, ws));
    List<Member> team = core.db.read(h -> core.members.list(h, ws, null, 12));
    List<AuditEntry> recent = admin ? core.audit.page(ws, PageRequest.first(8)).items() : List.of();
    long pending =
        admin
            ? core.db.read(
                h ->
                    core.invitations.list(h, ws, null, 200).stream()
                        .filter(i -> i.status(core.clock.instant()).equals("pending"))
                        .count())
            : 0;
    // Activity per day over the last 14 days (UTC), from the audit log.
    LocalDate today = LocalDate.ofInstant(core.clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(13);
    int[] perDay = new int[14];
    if (admin) {
      for (var at : core.audit.timesSince(ws, first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
        int i = (int) (LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay() - first.toEpochDay());
        if (i >= 0 && i < 14) perDay[i]++;
      }
    }
    List<String> days = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      days.add(first.plusDays(i).toString());
      counts.add(perDay[i]);
    }
    Dashboard model =
        new Dashboard(
            count, team, recent.subList(0, Math.min(8, recent.size())), days, counts, pending);
    Map<String, Object> p = new HashMap<>();
    p.put("model", model);
    // The newest alert, so a crisis is seen from the first page.
    p.put(
        "latestAlert",
        core.db.read(h -> core.alerts.store.list(h, ws, false, 1)).stream()
            .findFirst()
            .orElse(null));
    // The signed-in member's unread notices about their posts: a failure is never silent.
    dev.chorus.core.page.Page<dev.chorus.core.publishing.PostNotice> unread =
        core.db.read(
            h ->
                core.publishingProblems.notices.list(
                    h, ws, actor.user().id(), true, PageRequest.first(5)));
    p.put("unreadNotices", unread.items());
    var shell =
        pages
            .shell(ctx, actor.workspace().name())
            .withNotice(Notices.text(ctx.queryParam("notice")));
    p.put("shell", shell);
    pages.render(ctx, "dashboard.jte", p);
  }
}
