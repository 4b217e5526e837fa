package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.publishing.DeliveryId;
import dev.chorus.core.publishing.DeliveryProblem;
import dev.chorus.core.publishing.PostNotice;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishing never fails in silence: the workspace's failed and held deliveries (everyone sees
 * them; editors retry, send now or discard), and each member's own notices about their posts with
 * "mark read".
 */
public final class PublishProblemPages {
  private final Core core;
  private final Pages pages;

  public PublishProblemPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/problems", this::problems, Access.VIEWER);
    r.post("/w/{slug}/publish/problems/{id}/retry", this::retry, Access.EDITOR);
    r.post("/w/{slug}/publish/problems/{id}/send", this::send, Access.EDITOR);
    r.post("/w/{slug}/publish/problems/{id}/discard", this::discard, Access.EDITOR);
    r.get("/w/{slug}/publish/notices", this::notices, Access.VIEWER);
    r.post("/w/{slug}/publish/notices/read-all", this::readAll, Access.VIEWER);
    r.post("/w/{slug}/publish/notices/{id}/read", this::read, Access.VIEWER);
  }

  /** At most {@code max} characters of {@code text}, cut at a word when it is longer. */
  public static String excerpt(String text, int max) {
    String t = text.strip();
    if (t.length() <= max) return t;
    int cut = t.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    return t.substring(0, cut).stripTrailing() + "…";
  }

  private void problems(Context ctx) {
    Actor actor = Req.actor(ctx);
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), "50");
    Page<DeliveryProblem> page =
        core.db.read(
            h ->
                core.publishingProblems.deliveries.list(
                    h, actor.workspace().id(), pr, core.clock.instant()));
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("first", pr.after() == null);
    p.put(
        "shell",
        pages.shell(ctx, "Publishing problems").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-problems.jte", p);
  }

  private interface Action {
    void apply(Actor actor, DeliveryId id);
  }

  private void act(Context ctx, Action action, String done) {
    Actor actor = Req.actor(ctx);
    String back = "/w/" + actor.workspace().slug() + "/publish/problems?notice=";
    try {
      action.apply(actor, new DeliveryId(ctx.pathParam("id")));
      ctx.redirect(back + done);
    } catch (Conflict e) {
      // Someone (or the scheduler) moved it first: say so rather than fail the page.
      ctx.redirect(back + "problem-moved");
    }
  }

  private void retry(Context ctx) {
    act(ctx, core.publishingProblems.retry::retry, "problem-retried");
  }

  private void send(Context ctx) {
    act(ctx, core.publishingProblems.sendHeld::send, "problem-sent");
  }

  private void discard(Context ctx) {
    act(ctx, core.publishingProblems.discard::discard, "problem-discarded");
  }

  private void notices(Context ctx) {
    Actor actor = Req.actor(ctx);
    boolean all = "all".equals(ctx.queryParam("show"));
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), "50");
    Page<PostNotice> page =
        core.db.read(
            h ->
                core.publishingProblems.notices.list(
                    h, actor.workspace().id(), actor.user().id(), !all, pr));
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("all", all);
    p.put(
        "shell",
        pages.shell(ctx, "Your notices").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-notices.jte", p);
  }

  private void read(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.publishingProblems.notices.markRead(actor, ctx.pathParam("id"));
    String back = "all".equals(ctx.formParam("show")) ? "show=all&" : "";
    ctx.redirect(
        "/w/" + actor.workspace().slug() + "/publish/notices?" + back + "notice=notice-read");
  }

  private void readAll(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.publishingProblems.notices.markAllRead(actor);
    ctx.redirect("/w/" + actor.workspace().slug() + "/publish/notices?notice=notices-read");
  }
}
