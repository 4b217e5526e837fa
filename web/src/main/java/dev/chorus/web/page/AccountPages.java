package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The signed-in user's own account: the password. */
public final class AccountPages {
  private final Core core;
  private final Pages pages;

  public AccountPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/account", this::page, Access.SIGNED_IN);
    r.post("/account/password", this::changePassword, Access.SIGNED_IN);
  }

  private void page(Context ctx) {
    render(ctx, Form.empty());
  }

  private void render(Context ctx, Form form) {
    pages.render(
        ctx,
        "account.jte",
        Map.of(
            "shell",
            pages.shell(ctx, "Your account").withNotice(Notices.text(ctx.queryParam("notice"))),
            "form",
            form));
  }

  private void changePassword(Context ctx) {
    var session = Req.session(ctx);
    try {
      core.changePassword.change(
          session.user(),
          ctx.formParam("current_password"),
          ctx.formParam("new_password"),
          session.idHash());
      ctx.redirect("/account?notice=password-changed");
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, Form.empty().failed(e));
    }
  }
}
