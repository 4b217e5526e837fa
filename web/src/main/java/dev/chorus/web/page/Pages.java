package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.account.Sessions;
import dev.chorus.core.member.Actor;
import dev.chorus.web.http.Csrf;
import dev.chorus.web.http.Errors;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Nav;
import dev.chorus.web.view.Shell;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders precompiled templates, inside the shell for signed-in pages. Thread-safe. */
public final class Pages implements Errors.PageRenderer {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), "dev.chorus.web.templates");
  private final Core core;
  private final Csrf csrf;
  private final String version;

  public Pages(Core core, Csrf csrf, String version) {
    this.core = core;
    this.csrf = csrf;
    this.version = version;
  }

  /** Renders {@code template} with {@code params}; pages with secrets are never cached. */
  public void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    ctx.header("Cache-Control", "no-store");
    ctx.html(out.toString());
  }

  /** Renders a workspace page with its shell as {@code shell}. */
  public void workspace(Context ctx, String template, String title, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("shell", shell(ctx, title));
    render(ctx, template, all);
  }

  /** The shell for the current request: in a workspace when the route has one. */
  public Shell shell(Context ctx, String title) {
    Sessions.Session s = Req.session(ctx);
    Actor actor = Req.actorOrNull(ctx);
    var joined = core.db.read(h -> core.workspaces.joinedBy(h, s.user().id()));
    if (actor == null) {
      return new Shell(
          title, csrf.token(ctx), s.user(), null, null, joined, List.of(), null, version, 0);
    }
    return new Shell(
        title,
        csrf.token(ctx),
        s.user(),
        actor.workspace(),
        actor.role(),
        joined,
        Nav.forWorkspace(
            actor.workspace().slug(),
            actor.role(),
            ctx.path(),
            openInbox(actor),
            core.db.read(h -> core.alerts.store.unacknowledged(h, actor.workspace().id())),
            core.db.read(h -> core.publishingProblems.deliveries.count(h, actor.workspace().id())),
            actor.role().atLeast(dev.chorus.core.member.Role.EDITOR)
                ? core.db.read(h -> core.approvals.store.pendingCount(h, actor.workspace().id()))
                : -1),
        null,
        version,
        core.db.read(
            h ->
                core.publishingProblems.notices.unread(
                    h, actor.workspace().id(), actor.user().id())));
  }

  /** The workspace's open conversations for the nav's badge (counting stops at 1,000). */
  private long openInbox(Actor actor) {
    return core.db.read(
        h ->
            core.conversations.count(
                h, actor.workspace().id(), dev.chorus.core.inbox.InboxFilter.open(), 1000));
  }

  /** A signed-out page in the centred card layout. */
  public void card(Context ctx, String template, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("csrf", csrf.token(ctx));
    render(ctx, template, all);
  }

  @Override
  public void render(Context ctx, int status, String title, String message) {
    ctx.status(status);
    boolean signedIn = Req.session(ctx) != null;
    Map<String, Object> params = new HashMap<>();
    params.put("status", status);
    params.put("title", title);
    params.put("message", message);
    params.put("signedIn", signedIn);
    params.put("csrf", csrf.token(ctx));
    render(ctx, "error.jte", params);
  }
}
