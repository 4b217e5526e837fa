package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.account.UserId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Invitation;
import dev.chorus.core.member.InviteMember;
import dev.chorus.core.member.Member;
import dev.chorus.core.member.Role;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Members, roles and invitations of a workspace. */
public final class MemberPages {
  /** An invitation as listed, with its status now. */
  public record InvitationRow(Invitation invitation, String status) {}

  private final Core core;
  private final Pages pages;
  private final java.util.function.Supplier<String> publicUrl;

  public MemberPages(Core core, Pages pages, java.util.function.Supplier<String> publicUrl) {
    this.core = core;
    this.pages = pages;
    this.publicUrl = publicUrl;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/members", this::page, Access.VIEWER);
    r.post("/w/{slug}/members/invite", this::invite, Access.ADMIN);
    r.post("/w/{slug}/members/{userId}/role", this::changeRole, Access.ADMIN);
    // Anyone may leave; removing someone else needs admin, checked by RemoveMember.
    r.post("/w/{slug}/members/{userId}/remove", this::remove, Access.VIEWER);
    r.post("/w/{slug}/invitations/{id}/revoke", this::revoke, Access.ADMIN);
  }

  private void page(Context ctx) {
    render(ctx, Form.empty().with("role", "editor"), null);
  }

  private void render(Context ctx, Form form, String issuedLink) {
    Actor actor = Req.actor(ctx);
    var ws = actor.workspace().id();
    List<Member> members = core.db.read(h -> core.members.list(h, ws, null, 1000));
    List<InvitationRow> invitations =
        actor.role().atLeast(Role.ADMIN)
            ? core.db.read(h -> core.invitations.list(h, ws, null, 50)).stream()
                .map(i -> new InvitationRow(i, i.status(core.clock.instant())))
                .toList()
            : List.of();
    Map<String, Object> p = new HashMap<>();
    p.put("members", members);
    p.put("invitations", invitations);
    p.put("form", form);
    p.put("issuedLink", issuedLink);
    p.put("roles", List.of(Role.values()));
    p.put("me", actor.user().id().value());
    p.put("shell", pages.shell(ctx, "Members").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "members.jte", p);
  }

  private void invite(Context ctx) {
    Actor actor = Req.actor(ctx);
    String email = ctx.formParam("email");
    String roleKey = ctx.formParam("role");
    Form form = Form.empty().with("email", email).with("role", roleKey);
    try {
      InviteMember.Issued issued =
          core.inviteMember.invite(actor, email, Role.parse("role", roleKey));
      ctx.status(201);
      render(ctx, Form.empty().with("role", roleKey), link(issued.secret()));
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, form.failed(e), null);
    }
  }

  private void changeRole(Context ctx) {
    core.changeRole.change(
        Req.actor(ctx),
        new UserId(ctx.pathParam("userId")),
        Role.parse("role", ctx.formParam("role")));
    ctx.redirect("/w/" + Req.actor(ctx).workspace().slug() + "/members?notice=role-changed");
  }

  private void remove(Context ctx) {
    Actor actor = Req.actor(ctx);
    UserId target = new UserId(ctx.pathParam("userId"));
    core.removeMember.remove(actor, target);
    if (target.equals(actor.user().id())) {
      ctx.redirect("/");
    } else {
      ctx.redirect("/w/" + actor.workspace().slug() + "/members?notice=removed");
    }
  }

  private void revoke(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.revokeInvitation.revoke(actor, ctx.pathParam("id"));
    ctx.redirect("/w/" + actor.workspace().slug() + "/members?notice=revoked");
  }

  private String link(String secret) {
    return publicUrl.get() + "/invite/" + secret;
  }
}
