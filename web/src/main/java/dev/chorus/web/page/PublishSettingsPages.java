package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.MissedPosts;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The workspace's publishing settings (everyone reads them, admins change them): what happens to
 * posts that fell due while the server was down. Other publishing settings add their own forms to
 * the same page.
 */
public final class PublishSettingsPages {
  /** What the page shows. */
  public record Settings(MissedPosts missedPosts, Form missedForm, boolean requireAltText) {}

  private final Core core;
  private final Pages pages;

  public PublishSettingsPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/settings", this::show, Access.VIEWER);
    r.post("/w/{slug}/publish/settings/missed-posts", this::saveMissedPosts, Access.ADMIN);
    r.post("/w/{slug}/publish/settings/alt-text", this::saveAltText, Access.ADMIN);
  }

  private void show(Context ctx) {
    render(ctx, Form.empty());
  }

  private void saveMissedPosts(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form = Form.empty().with("missed_posts", ctx.formParam("missed_posts"));
    try {
      core.publishingProblems.changeMissedPosts.change(actor, parse(form.value("missed_posts")));
      ctx.redirect(
          "/w/" + actor.workspace().slug() + "/publish/settings?notice=publish-settings-saved");
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, form.failed(e));
    }
  }

  /** The composer's rule: every image needs alt text before its post is scheduled. */
  private void saveAltText(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.postMedia.setRequireAltText(actor, "on".equals(ctx.formParam("require_alt_text")));
    ctx.redirect(
        "/w/"
            + actor.workspace().slug()
            + "/publish/settings?notice=publish-settings-saved#alt-text");
  }

  private static MissedPosts parse(String value) {
    try {
      return MissedPosts.parse(value);
    } catch (IllegalArgumentException e) {
      throw new Invalid("missed_posts", "choose send or hold");
    }
  }

  private void render(Context ctx, Form missedForm) {
    Actor actor = Req.actor(ctx);
    MissedPosts missed = core.db.read(h -> core.deliveries.missedPosts(h, actor.workspace().id()));
    Map<String, Object> p = new HashMap<>();
    p.put(
        "settings",
        new Settings(missed, missedForm, core.postMedia.requireAltText(actor.workspace().id())));
    p.put(
        "shell",
        pages.shell(ctx, "Publishing settings").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-settings.jte", p);
  }
}
