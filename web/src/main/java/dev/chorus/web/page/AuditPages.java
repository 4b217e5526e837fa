package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.page.PageRequest;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The audit log: who did what and when, newest first, a page at a time. */
public final class AuditPages {
  private final Core core;
  private final Pages pages;

  public AuditPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/audit", this::page, Access.ADMIN);
  }

  private void page(Context ctx) {
    var page =
        core.audit.page(
            Req.actor(ctx).workspace().id(), PageRequest.parse(ctx.queryParam("cursor"), "50"));
    pages.workspace(
        ctx,
        "audit.jte",
        "Audit log",
        Map.of("page", page, "first", ctx.queryParam("cursor") == null));
  }
}
