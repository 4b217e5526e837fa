package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.listening.PreviewQuery;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved listening queries: the list, the editor with live checking (the error at its column, or
 * what the query would have matched in the last 30 days), enabling, disabling and deleting.
 */
public final class QueryPages {
  public static final Duration PREVIEW_WINDOW = Duration.ofDays(30);

  /** What the live check shows: an error at a column, or a preview. */
  public record Check(String error, Integer column, String text, PreviewQuery.Preview preview) {}

  private final Core core;
  private final Pages pages;

  public QueryPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/queries", this::list, Access.VIEWER);
    r.post("/w/{slug}/queries", this::create, Access.EDITOR);
    // Checking changes nothing; it is a POST so that long queries fit and htmx sends the token.
    r.post("/w/{slug}/queries/check", this::check, Access.VIEWER);
    r.get("/w/{slug}/queries/{id}", this::edit, Access.VIEWER);
    r.post("/w/{slug}/queries/{id}", this::update, Access.EDITOR);
    r.post("/w/{slug}/queries/{id}/enabled", this::setEnabled, Access.EDITOR);
    r.post("/w/{slug}/queries/{id}/delete", this::delete, Access.EDITOR);
  }

  private void list(Context ctx) {
    Actor actor = Req.actor(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put("queries", core.db.read(h -> core.queries.list(h, actor.workspace().id())));
    p.put(
        "shell",
        pages.shell(ctx, "Saved queries").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "queries.jte", p);
  }

  private void create(Context ctx) {
    save(ctx, null);
  }

  private void update(Context ctx) {
    save(ctx, ctx.pathParam("id"));
  }

  private void save(Context ctx, String id) {
    Actor actor = Req.actor(ctx);
    List<String> sources = ctx.formParams("sources");
    Form form =
        Form.empty().with("name", ctx.formParam("name")).with("query", ctx.formParam("query"));
    try {
      SavedQuery q =
          core.saveQuery.save(
              actor, id, new SaveQuery.Draft(form.value("name"), form.value("query"), sources));
      ctx.redirect("/w/" + actor.workspace().slug() + "/queries/" + q.id() + "?notice=query-saved");
    } catch (Invalid e) {
      ctx.status(400);
      SavedQuery existing = id == null ? null : find(actor, id);
      renderEditor(
          ctx, existing, form.failed(e), sources, check(actor, form.value("query"), sources));
    }
  }

  private void edit(Context ctx) {
    Actor actor = Req.actor(ctx);
    String id = ctx.pathParam("id");
    if (id.equals("new")) {
      renderEditor(ctx, null, Form.empty(), List.of(), null);
      return;
    }
    SavedQuery q = find(actor, id);
    renderEditor(
        ctx,
        q,
        Form.empty().with("name", q.name()).with("query", q.text()),
        q.sources(),
        check(actor, q.text(), q.sources()));
  }

  private void renderEditor(
      Context ctx, SavedQuery q, Form form, List<String> sources, Check check) {
    Actor actor = Req.actor(ctx);
    List<Channel> channels = core.db.read(h -> core.channels.list(h, actor.workspace().id()));
    Map<String, Object> p = new HashMap<>();
    p.put("query", q);
    p.put("form", form);
    p.put("sources", sources);
    p.put("channels", channels);
    p.put("check", check);
    String title = q == null ? "New query" : q.name();
    p.put("shell", pages.shell(ctx, title).withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "query.jte", p);
  }

  private void check(Context ctx) {
    Actor actor = Req.actor(ctx);
    Check c = check(actor, ctx.formParam("query"), ctx.formParams("sources"));
    pages.render(ctx, "query-check.jte", Map.of("check", c, "slug", actor.workspace().slug()));
  }

  /** The live check of {@code text}; null when there is nothing to check yet. */
  Check check(Actor actor, String text, List<String> sources) {
    if (text == null || text.isBlank()) return null;
    try {
      return new Check(
          null, null, text, core.previewQuery.preview(actor, text, sources, PREVIEW_WINDOW));
    } catch (Invalid e) {
      Integer column = null;
      var m = java.util.regex.Pattern.compile("^column (\\d+):").matcher(e.getMessage());
      if (m.find()) column = Integer.valueOf(m.group(1));
      return new Check(e.getMessage(), column, text, null);
    }
  }

  private void setEnabled(Context ctx) {
    Actor actor = Req.actor(ctx);
    boolean enabled = "true".equals(ctx.formParam("enabled"));
    core.saveQuery.setEnabled(actor, ctx.pathParam("id"), enabled);
    ctx.redirect(
        "/w/"
            + actor.workspace().slug()
            + "/queries?notice="
            + (enabled ? "query-enabled" : "query-disabled"));
  }

  private void delete(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.saveQuery.delete(actor, ctx.pathParam("id"));
    ctx.redirect("/w/" + actor.workspace().slug() + "/queries?notice=query-deleted");
  }

  private SavedQuery find(Actor actor, String id) {
    return core.db
        .read(h -> core.queries.find(h, actor.workspace().id(), id))
        .orElseThrow(() -> new NotFound("There is no such query here."));
  }
}
