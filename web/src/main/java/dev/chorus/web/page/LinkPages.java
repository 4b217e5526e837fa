package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.links.LinkSettings;
import dev.chorus.core.publishing.links.LinkStats;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tracked links: the public redirect {@code /l/{code}} (no sign-in; a click or a bot hit is
 * counted, nothing about the visitor is kept) and the workspace's Links page (top links and clicks
 * per channel over the last days; admins turn tracking off or change the campaign).
 */
public final class LinkPages {
  /** The windows the Links page offers, in days. */
  public static final List<Integer> WINDOWS = List.of(7, 30, 90);

  private final Core core;
  private final Pages pages;

  public LinkPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/l/{code}", this::follow, Access.PUBLIC);
    r.head("/l/{code}", this::follow, Access.PUBLIC);
    r.get("/w/{slug}/publish/links", this::page, Access.VIEWER);
    r.post("/w/{slug}/publish/links/settings", this::saveSettings, Access.ADMIN);
  }

  private void follow(Context ctx) {
    Optional<String> target =
        core.links.follow.follow(
            ctx.pathParam("code"), ctx.method().name(), ctx.header("User-Agent"));
    // Every visit must reach the server to be counted; nothing here is for search engines.
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex");
    if (target.isEmpty()) {
      pages.render(
          ctx,
          404,
          "Link not found",
          "This link is not known here. Check that it was copied whole, or ask whoever shared it.");
      return;
    }
    ctx.redirect(target.get(), HttpStatus.FOUND);
  }

  /** The Links page's model. */
  public record Model(LinkStats.WorkspaceClicks clicks, List<Integer> windows, Form form) {}

  private void page(Context ctx) {
    render(ctx, null);
  }

  private void render(Context ctx, Form failed) {
    Actor actor = Req.actor(ctx);
    int days = days(ctx.queryParam("days"));
    LinkStats.WorkspaceClicks clicks = core.links.stats.ofWorkspace(actor.workspace().id(), days);
    Form form =
        failed != null
            ? failed
            : Form.empty()
                .with("tracking", clicks.settings().tracking() ? "on" : "off")
                .with("utm_campaign", clicks.settings().utmCampaign());
    Map<String, Object> p = new HashMap<>();
    p.put("model", new Model(clicks, WINDOWS, form));
    p.put("shell", pages.shell(ctx, "Links").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "links.jte", p);
  }

  private static int days(String v) {
    if (v == null) return 30;
    for (int d : WINDOWS) if (String.valueOf(d).equals(v)) return d;
    return 30;
  }

  private void saveSettings(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form =
        Form.empty()
            .with("tracking", "on".equals(ctx.formParam("tracking")) ? "on" : "off")
            .with("utm_campaign", ctx.formParam("utm_campaign"));
    try {
      String campaign = form.value("utm_campaign").strip();
      core.links.changeSettings.change(
          actor, new LinkSettings("on".equals(form.value("tracking")), campaign));
      ctx.redirect("/w/" + actor.workspace().slug() + "/publish/links?notice=links-saved");
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, form.failed(e));
    }
  }
}
