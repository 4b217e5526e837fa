package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.token.ApiToken;
import dev.chorus.core.token.IssueToken;
import dev.chorus.core.token.TokenScope;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A member's personal access tokens for this workspace. */
public final class TokenPages {
  /** A token as listed, with its status now. */
  public record Row(ApiToken token, String status) {}

  private final Core core;
  private final Pages pages;

  public TokenPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/tokens", this::page, Access.VIEWER);
    r.post("/w/{slug}/tokens", this::issue, Access.VIEWER);
    r.post("/w/{slug}/tokens/{id}/revoke", this::revoke, Access.VIEWER);
  }

  private void page(Context ctx) {
    render(ctx, Form.empty().with("scope", "read").with("expires", "90"), null);
  }

  private void render(Context ctx, Form form, IssueToken.Issued issued) {
    Actor actor = Req.actor(ctx);
    List<Row> rows =
        core.db.read(h -> core.tokens.list(h, actor.workspace().id(), actor.user().id())).stream()
            .map(t -> new Row(t, t.status(core.clock.instant())))
            .toList();
    Map<String, Object> p = new HashMap<>();
    p.put("rows", rows);
    p.put("form", form);
    p.put("issued", issued);
    p.put(
        "shell", pages.shell(ctx, "API tokens").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "tokens.jte", p);
  }

  private void issue(Context ctx) {
    Form form =
        Form.empty()
            .with("name", ctx.formParam("name"))
            .with("scope", ctx.formParam("scope"))
            .with("expires", ctx.formParam("expires"));
    try {
      int days;
      try {
        days = Integer.parseInt(form.value("expires").strip());
      } catch (NumberFormatException e) {
        throw new Invalid("expires", "choose when the token expires");
      }
      IssueToken.Issued issued =
          core.issueToken.issue(
              Req.actor(ctx),
              form.value("name"),
              TokenScope.parse("scope", form.value("scope")),
              days);
      ctx.status(201);
      render(ctx, Form.empty().with("scope", "read").with("expires", "90"), issued);
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, form.failed(e), null);
    }
  }

  private void revoke(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.revokeToken.revoke(actor, ctx.pathParam("id"));
    ctx.redirect("/w/" + actor.workspace().slug() + "/tokens?notice=token-revoked");
  }
}
