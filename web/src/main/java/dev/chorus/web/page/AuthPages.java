package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.TooManyAttempts;
import dev.chorus.core.member.AcceptInvitation;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Auth;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Signing in and out, first-start setup, and invitation links. */
public final class AuthPages {
  private final Core core;
  private final Auth auth;
  private final Pages pages;

  public AuthPages(Core core, Auth auth, Pages pages) {
    this.core = core;
    this.auth = auth;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/signin", this::signInPage, Access.PUBLIC);
    r.post("/signin", this::signIn, Access.PUBLIC);
    r.post("/signout", this::signOut, Access.PUBLIC);
    r.get("/setup", this::setupPage, Access.PUBLIC);
    r.post("/setup", this::setup, Access.PUBLIC);
    r.get("/invite/{token}", this::invitePage, Access.PUBLIC);
    r.post("/invite/{token}", this::accept, Access.PUBLIC);
  }

  private void signInPage(Context ctx) {
    if (Req.session(ctx) != null) {
      ctx.redirect(safeNext(ctx.queryParam("next")));
      return;
    }
    renderSignIn(ctx, Form.empty(), ctx.queryParam("next"));
  }

  private void renderSignIn(Context ctx, Form form, String next) {
    Map<String, Object> p = new HashMap<>();
    p.put("form", form);
    p.put("next", safeNext(next));
    p.put("setupNeeded", core.setupLink.needed());
    pages.card(ctx, "signin.jte", p);
  }

  private void signIn(Context ctx) {
    String email = ctx.formParam("email");
    String next = ctx.formParam("next");
    Form form = Form.empty().with("email", email);
    try {
      User user = core.signIn.signIn(email, ctx.formParam("password"), Req.ip(ctx));
      auth.startSession(ctx, user);
      ctx.redirect(safeNext(next));
    } catch (Invalid e) {
      ctx.status(400);
      renderSignIn(ctx, form.failed(e), next);
    } catch (TooManyAttempts e) {
      ctx.status(429);
      ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
      renderSignIn(ctx, form.failed(e.getMessage()), next);
    }
  }

  private void signOut(Context ctx) {
    auth.endSession(ctx);
    ctx.redirect("/signin");
  }

  private void setupPage(Context ctx) {
    String token = ctx.queryParam("token");
    core.completeSetup.check(token);
    renderSetup(ctx, Form.empty(), token);
  }

  private void renderSetup(Context ctx, Form form, String token) {
    pages.card(ctx, "setup.jte", Map.of("form", form, "token", token == null ? "" : token));
  }

  private void setup(Context ctx) {
    String token = ctx.formParam("token");
    Form form =
        Form.empty()
            .with("email", ctx.formParam("email"))
            .with("name", ctx.formParam("name"))
            .with("workspace", ctx.formParam("workspace"));
    try {
      var done =
          core.completeSetup.complete(
              token,
              ctx.formParam("email"),
              ctx.formParam("name"),
              ctx.formParam("password"),
              ctx.formParam("workspace"),
              Req.ip(ctx));
      auth.startSession(ctx, done.owner());
      ctx.redirect("/w/" + done.workspace().slug());
    } catch (Invalid e) {
      ctx.status(400);
      renderSetup(ctx, form.failed(e), token);
    }
  }

  private void invitePage(Context ctx) {
    String token = ctx.pathParam("token");
    AcceptInvitation.Pending pending = core.db.read(h -> core.acceptInvitation.find(h, token));
    renderInvite(ctx, pending, Form.empty().with("email", pending.invitation().email()), token);
  }

  private void renderInvite(
      Context ctx, AcceptInvitation.Pending pending, Form form, String token) {
    Map<String, Object> p = new HashMap<>();
    p.put("pending", pending);
    p.put("form", form);
    p.put("token", token);
    p.put("user", Req.session(ctx) == null ? null : Req.session(ctx).user());
    pages.card(ctx, "invite.jte", p);
  }

  private void accept(Context ctx) {
    String token = ctx.pathParam("token");
    var session = Req.session(ctx);
    if (session != null) {
      Workspace w =
          core.db.inTransaction(
              h -> core.acceptInvitation.accept(h, token, session.user(), Req.ip(ctx)));
      ctx.redirect("/w/" + w.slug());
      return;
    }
    AcceptInvitation.Pending pending = core.db.read(h -> core.acceptInvitation.find(h, token));
    String email = pending.invitation().email();
    Form form = Form.empty().with("email", email).with("name", ctx.formParam("name"));
    try {
      User[] created = new User[1];
      Workspace w =
          core.db.inTransaction(
              h -> {
                created[0] =
                    core.createUser.create(
                        h, email, ctx.formParam("name"), ctx.formParam("password"));
                return core.acceptInvitation.accept(h, token, created[0], Req.ip(ctx));
              });
      auth.startSession(ctx, created[0]);
      ctx.redirect("/w/" + w.slug());
    } catch (Invalid e) {
      ctx.status(400);
      renderInvite(ctx, pending, form.failed(e), token);
    }
  }

  /** Only same-site relative paths: never an open redirect. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.length() > 500) {
      return "/";
    }
    return next;
  }
}
