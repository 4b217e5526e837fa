package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertRule;
import dev.chorus.core.alerts.AlertStore;
import dev.chorus.core.alerts.Delivery;
import dev.chorus.core.alerts.ManageDestinations;
import dev.chorus.core.alerts.Sensitivity;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.web.api.AlertsDto.AlertJson;
import dev.chorus.web.api.AlertsDto.AlertRuleJson;
import dev.chorus.web.api.AlertsDto.AlertRuleRequest;
import dev.chorus.web.api.AlertsDto.DestinationCreated;
import dev.chorus.web.api.AlertsDto.DestinationJson;
import dev.chorus.web.api.AlertsDto.DestinationRequest;
import dev.chorus.web.api.Dto.PageJson;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alerts in the API, as on the Alerts pages and with the same roles: list alerts (everyone) and
 * acknowledge them (editors), read the rules (everyone) and change them (editors), and list, add
 * and remove where alerts go (admins). The core services check the roles again and audit every
 * change. {@link ApiRoutes} registers these with the rest.
 */
final class AlertsApi {
  /** The name the settings page gives the workspace-wide rule. */
  static final String WORKSPACE_RULE_NAME = "All items (workspace-wide)";

  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  AlertsApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  private void declare() {
    List<Operation.QueryParam> listParams = new ArrayList<>();
    listParams.add(
        new Operation.QueryParam(
            "unacknowledged", "boolean", "true for the alerts nobody has acknowledged yet"));
    listParams.addAll(Operation.paging());
    // The fixed paths (rules, destinations) come before /alerts/{id} so they are not read as ids.
    op(
        HandlerType.GET,
        "/api/v1/alerts/rules",
        "listAlertRules",
        "The rule in force for each saved query and the workspace-wide rule (scope workspace)",
        Access.VIEWER,
        null,
        AlertRuleJson.class,
        true,
        200,
        List.of(),
        this::rules);
    op(
        HandlerType.GET,
        "/api/v1/alerts/rules/{scope}",
        "getAlertRule",
        "The rule in force for a saved query (its id) or the workspace (workspace)",
        Access.VIEWER,
        null,
        AlertRuleJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(rule(Req.actor(ctx), ctx.pathParam("scope"))));
    op(
        HandlerType.PATCH,
        "/api/v1/alerts/rules/{scope}",
        "changeAlertRule",
        "Change the rule of a saved query (its id) or the workspace (workspace); fields left out"
            + " keep their value",
        Access.EDITOR,
        AlertRuleRequest.class,
        AlertRuleJson.class,
        false,
        200,
        List.of(),
        this::changeRule);
    op(
        HandlerType.GET,
        "/api/v1/alerts/destinations",
        "listAlertDestinations",
        "Where alerts go besides the app: webhooks and email addresses (no secrets)",
        Access.ADMIN,
        null,
        DestinationJson.class,
        true,
        200,
        List.of(),
        this::destinations);
    op(
        HandlerType.POST,
        "/api/v1/alerts/destinations",
        "addAlertDestination",
        "Send alerts to a webhook (signed; its signing secret is shown only in this answer) or,"
            + " when the server has SMTP settings, to an email address",
        Access.ADMIN,
        DestinationRequest.class,
        DestinationCreated.class,
        false,
        201,
        List.of(),
        this::addDestination);
    op(
        HandlerType.DELETE,
        "/api/v1/alerts/destinations/{id}",
        "removeAlertDestination",
        "Stop sending alerts to a destination",
        Access.ADMIN,
        null,
        null,
        false,
        204,
        List.of(),
        ctx -> {
          core.alerts.destinations.remove(Req.actor(ctx), ctx.pathParam("id"));
          ctx.status(204);
        });
    op(
        HandlerType.GET,
        "/api/v1/alerts",
        "listAlerts",
        "Alerts, newest first, with their figures and deliveries",
        Access.VIEWER,
        null,
        AlertJson.class,
        true,
        200,
        listParams,
        this::alerts);
    op(
        HandlerType.GET,
        "/api/v1/alerts/{id}",
        "getAlert",
        "An alert with its figures and deliveries",
        Access.VIEWER,
        null,
        AlertJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(alert(Req.actor(ctx), ctx.pathParam("id"))));
    op(
        HandlerType.POST,
        "/api/v1/alerts/{id}/acknowledge",
        "acknowledgeAlert",
        "Mark an alert seen and handled (acknowledging twice changes nothing)",
        Access.EDITOR,
        null,
        AlertJson.class,
        false,
        200,
        List.of(),
        ctx -> {
          Actor a = Req.actor(ctx);
          core.alerts.acknowledge.acknowledge(a, ctx.pathParam("id"));
          ctx.json(alert(a, ctx.pathParam("id")));
        });
  }

  private void op(
      HandlerType method,
      String path,
      String id,
      String summary,
      Access access,
      Class<?> body,
      Class<?> response,
      boolean paged,
      int status,
      List<Operation.QueryParam> query,
      Handler handler) {
    operations.add(
        new Operation(
            method,
            path,
            id,
            "Alerts",
            summary,
            access,
            body,
            response,
            paged,
            status,
            query,
            ctx -> {
              handler.handle(ctx);
              if (ctx.statusCode() == 200 && status != 200) ctx.status(status);
            }));
  }

  private void alerts(Context ctx) {
    Actor a = Req.actor(ctx);
    String unacknowledged = ctx.queryParam("unacknowledged");
    if (unacknowledged != null
        && !unacknowledged.equals("true")
        && !unacknowledged.equals("false")) {
      throw new Invalid("unacknowledged", "unacknowledged is true or false");
    }
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    Page<AlertJson> page =
        core.db.read(
            h -> {
              Page<Alert> alerts =
                  core.alerts.store.page(h, a.workspace().id(), "true".equals(unacknowledged), pr);
              Map<String, List<Delivery>> d =
                  core.alerts.store.deliveries(
                      h, a.workspace().id(), alerts.items().stream().map(Alert::id).toList());
              return alerts.map(x -> AlertJson.of(x, d.getOrDefault(x.id(), List.of())));
            });
    ctx.json(new PageJson<>(page.items(), page.nextCursor()));
  }

  private AlertJson alert(Actor a, String id) {
    return core.db.read(
        h -> {
          Alert alert =
              core.alerts
                  .store
                  .find(h, a.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such alert here."));
          List<Delivery> d =
              core.alerts.store.deliveries(h, a.workspace().id(), List.of(id)).get(id);
          return AlertJson.of(alert, d == null ? List.of() : d);
        });
  }

  private void rules(Context ctx) {
    Actor a = Req.actor(ctx);
    List<AlertRuleJson> rules =
        core.db.read(
            h -> {
              Map<String, AlertRule> stored = core.alerts.store.rules(h, a.workspace().id());
              List<AlertRuleJson> out = new ArrayList<>();
              for (SavedQuery q : core.queries.list(h, a.workspace().id())) {
                AlertRule r = stored.getOrDefault(q.id(), AlertStore.defaults(q.id()));
                out.add(AlertRuleJson.of(q.id(), q.id(), q.name(), !q.enabled(), r));
              }
              AlertRule w =
                  stored.getOrDefault(
                      AlertStore.WORKSPACE_SCOPE, AlertStore.defaults(AlertStore.WORKSPACE_SCOPE));
              out.add(
                  AlertRuleJson.of(
                      AlertStore.WORKSPACE_SCOPE, null, WORKSPACE_RULE_NAME, false, w));
              return out;
            });
    ctx.json(new PageJson<>(rules, null));
  }

  private AlertRuleJson rule(Actor a, String scope) {
    return core.db.read(
        h -> {
          AlertRule r = core.alerts.store.rule(h, a.workspace().id(), scope);
          if (AlertStore.WORKSPACE_SCOPE.equals(scope)) {
            return AlertRuleJson.of(scope, null, WORKSPACE_RULE_NAME, false, r);
          }
          SavedQuery q =
              core.queries
                  .find(h, a.workspace().id(), scope)
                  .orElseThrow(() -> new NotFound("There is no such query here."));
          return AlertRuleJson.of(q.id(), q.id(), q.name(), !q.enabled(), r);
        });
  }

  private void changeRule(Context ctx) {
    Actor a = Req.actor(ctx);
    String scope = ctx.pathParam("scope");
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    AlertRuleRequest req = ctx.bodyAsClass(AlertRuleRequest.class);
    // Read first: another workspace's query is a 404 before any value is judged.
    AlertRuleJson now = rule(a, scope);
    AlertRule wanted =
        new AlertRule(
            req.volume() != null ? req.volume() : now.volume(),
            req.negative() != null ? req.negative() : now.negative(),
            Duration.ofMinutes(req.window() != null ? req.window() : now.window()),
            Duration.ofHours(req.baseline() != null ? req.baseline() : now.baseline()),
            Sensitivity.parse(
                "sensitivity", req.sensitivity() != null ? req.sensitivity() : now.sensitivity()),
            req.minCount() != null ? req.minCount() : now.minCount(),
            Duration.ofMinutes(req.cooldown() != null ? req.cooldown() : now.cooldown()));
    core.alerts.changeRule.change(a, scope, wanted);
    ctx.json(rule(a, scope));
  }

  private void destinations(Context ctx) {
    Actor a = Req.actor(ctx);
    List<DestinationJson> list =
        core.db.read(h -> core.alerts.store.destinations(h, a.workspace().id())).stream()
            .map(DestinationJson::of)
            .toList();
    ctx.json(new PageJson<>(list, null));
  }

  private void addDestination(Context ctx) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    DestinationRequest req = ctx.bodyAsClass(DestinationRequest.class);
    Actor a = Req.actor(ctx);
    String kind = req.kind() == null ? "" : req.kind().strip();
    ManageDestinations.Added added;
    if (kind.equals("webhook")) {
      added = core.alerts.destinations.addWebhook(a, req.url());
    } else if (kind.equals("email")) {
      added = core.alerts.destinations.addEmail(a, req.email());
    } else {
      throw new Invalid("kind", "kind is webhook or email");
    }
    ctx.status(201)
        .json(new DestinationCreated(DestinationJson.of(added.destination()), added.secret()));
  }
}
