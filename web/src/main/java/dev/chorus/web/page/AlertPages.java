package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertRule;
import dev.chorus.core.alerts.AlertStore;
import dev.chorus.core.alerts.Delivery;
import dev.chorus.core.alerts.Destination;
import dev.chorus.core.alerts.DestinationKind;
import dev.chorus.core.alerts.ManageDestinations;
import dev.chorus.core.alerts.Sensitivity;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts: the list (everyone in the workspace), acknowledging (editors), the rules per saved query
 * and for the whole workspace (editors change them) and where alerts go (admins).
 */
public final class AlertPages {
  /** An alert with its deliveries, for the list. */
  public record Row(Alert alert, List<Delivery> deliveries) {}

  /** One rule's form: its scope, name, settings in force, and the form if it was refused. */
  public record RuleForm(String scope, String name, boolean paused, AlertRule rule, Form form) {}

  /** The settings page. */
  public record Settings(
      List<RuleForm> rules,
      List<Destination> destinations,
      boolean emailAvailable,
      Form destinationForm,
      String newSecret) {}

  private final Core core;
  private final Pages pages;

  public AlertPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/alerts", this::list, Access.VIEWER);
    r.post("/w/{slug}/alerts/{id}/acknowledge", this::acknowledge, Access.EDITOR);
    r.get("/w/{slug}/alerts/settings", this::settings, Access.VIEWER);
    r.post("/w/{slug}/alerts/rules/{scope}", this::saveRule, Access.EDITOR);
    r.post("/w/{slug}/alerts/destinations/webhook", this::addWebhook, Access.ADMIN);
    r.post("/w/{slug}/alerts/destinations/email", this::addEmail, Access.ADMIN);
    r.post("/w/{slug}/alerts/destinations/{id}/delete", this::removeDestination, Access.ADMIN);
  }

  private void list(Context ctx) {
    Actor actor = Req.actor(ctx);
    boolean all = "all".equals(ctx.queryParam("show"));
    List<Row> rows =
        core.db.read(
            h -> {
              List<Alert> alerts = core.alerts.store.list(h, actor.workspace().id(), !all, 200);
              Map<String, List<Delivery>> d =
                  core.alerts.store.deliveries(
                      h, actor.workspace().id(), alerts.stream().map(Alert::id).toList());
              List<Row> out = new ArrayList<>();
              for (Alert a : alerts) out.add(new Row(a, d.getOrDefault(a.id(), List.of())));
              return out;
            });
    Map<String, Object> p = new HashMap<>();
    p.put("rows", rows);
    p.put("all", all);
    p.put("shell", pages.shell(ctx, "Alerts").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "alerts.jte", p);
  }

  private void acknowledge(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.alerts.acknowledge.acknowledge(actor, ctx.pathParam("id"));
    String back = "all".equals(ctx.formParam("show")) ? "show=all&" : "";
    ctx.redirect(
        "/w/" + actor.workspace().slug() + "/alerts?" + back + "notice=alert-acknowledged");
  }

  private void settings(Context ctx) {
    renderSettings(ctx, null, null, Form.empty(), null);
  }

  private void saveRule(Context ctx) {
    Actor actor = Req.actor(ctx);
    String scope = ctx.pathParam("scope");
    Form form =
        Form.empty()
            .with("volume", ctx.formParam("volume"))
            .with("negative", ctx.formParam("negative"))
            .with("window", ctx.formParam("window"))
            .with("baseline", ctx.formParam("baseline"))
            .with("sensitivity", ctx.formParam("sensitivity"))
            .with("min_count", ctx.formParam("min_count"))
            .with("cooldown", ctx.formParam("cooldown"));
    try {
      core.alerts.changeRule.change(actor, scope, rule(form));
      ctx.redirect(
          "/w/"
              + actor.workspace().slug()
              + "/alerts/settings?notice=alert-rule-saved#rule-"
              + scope);
    } catch (Invalid e) {
      ctx.status(400);
      renderSettings(ctx, scope, form.failed(e), Form.empty(), null);
    }
  }

  private static AlertRule rule(Form f) {
    return new AlertRule(
        "on".equals(f.value("volume")),
        "on".equals(f.value("negative")),
        Duration.ofMinutes(number(f, "window")),
        Duration.ofHours(number(f, "baseline")),
        Sensitivity.parse("sensitivity", f.value("sensitivity")),
        number(f, "min_count"),
        Duration.ofMinutes(number(f, "cooldown")));
  }

  private static int number(Form f, String field) {
    try {
      return Integer.parseInt(f.value(field).strip());
    } catch (NumberFormatException e) {
      throw new Invalid(field, "give a whole number");
    }
  }

  private void addWebhook(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form = Form.empty().with("url", ctx.formParam("url"));
    try {
      ManageDestinations.Added added =
          core.alerts.destinations.addWebhook(actor, form.value("url"));
      // The secret is shown once, on this answer, and never again.
      renderSettings(ctx, null, null, Form.empty(), added.secret());
    } catch (Invalid e) {
      ctx.status(400);
      renderSettings(ctx, null, null, form.failed(e), null);
    }
  }

  private void addEmail(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form = Form.empty().with("email", ctx.formParam("email"));
    try {
      core.alerts.destinations.addEmail(actor, form.value("email"));
      ctx.redirect(
          "/w/" + actor.workspace().slug() + "/alerts/settings?notice=alert-destination-added");
    } catch (Invalid e) {
      ctx.status(400);
      renderSettings(ctx, null, null, form.failed(e), null);
    }
  }

  private void removeDestination(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.alerts.destinations.remove(actor, ctx.pathParam("id"));
    ctx.redirect(
        "/w/" + actor.workspace().slug() + "/alerts/settings?notice=alert-destination-removed");
  }

  private void renderSettings(
      Context ctx, String failedScope, Form failedForm, Form destinationForm, String newSecret) {
    Actor actor = Req.actor(ctx);
    Settings s =
        core.db.read(
            h -> {
              Map<String, AlertRule> stored = core.alerts.store.rules(h, actor.workspace().id());
              List<RuleForm> rules = new ArrayList<>();
              for (SavedQuery q : core.queries.list(h, actor.workspace().id())) {
                rules.add(
                    ruleForm(q.id(), q.name(), !q.enabled(), stored, failedScope, failedForm));
              }
              rules.add(
                  ruleForm(
                      AlertStore.WORKSPACE_SCOPE,
                      "All items (workspace-wide)",
                      false,
                      stored,
                      failedScope,
                      failedForm));
              List<Destination> destinations =
                  actor.role().atLeast(Role.ADMIN)
                      ? core.alerts.store.destinations(h, actor.workspace().id())
                      : List.of();
              return new Settings(
                  rules,
                  destinations,
                  core.alerts.sender.kinds().contains(DestinationKind.EMAIL),
                  destinationForm,
                  newSecret);
            });
    Map<String, Object> p = new HashMap<>();
    p.put("settings", s);
    String notice = newSecret != null ? null : Notices.text(ctx.queryParam("notice"));
    p.put("shell", pages.shell(ctx, "Alert settings").withNotice(notice));
    pages.render(ctx, "alert-settings.jte", p);
  }

  private static RuleForm ruleForm(
      String scope,
      String name,
      boolean paused,
      Map<String, AlertRule> stored,
      String failedScope,
      Form failedForm) {
    AlertRule r = stored.getOrDefault(scope, AlertStore.defaults(scope));
    Form f;
    if (scope.equals(failedScope)) {
      f = failedForm;
    } else {
      f =
          Form.empty()
              .with("volume", r.volume() ? "on" : "")
              .with("negative", r.negative() ? "on" : "")
              .with("window", Long.toString(r.window().toMinutes()))
              .with("baseline", Long.toString(r.baseline().toHours()))
              .with("sensitivity", r.sensitivity().key())
              .with("min_count", Integer.toString(r.minCount()))
              .with("cooldown", Long.toString(r.coolDown().toMinutes()));
    }
    return new RuleForm(scope, name, paused, r, f);
  }
}
