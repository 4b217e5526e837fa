package dev.chorus.core.alerts;

import dev.chorus.core.error.Invalid;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The alert tables: rules, alerts, episodes, destinations and deliveries. */
public final class AlertStore {
  /** The scope of the rule over every item the workspace hears. */
  public static final String WORKSPACE_SCOPE = "workspace";

  // ---- rules

  /** The stored rules of a workspace by scope; a scope without one uses the defaults. */
  public Map<String, AlertRule> rules(Handle h, WorkspaceId ws) {
    Map<String, AlertRule> out = new HashMap<>();
    h.createQuery("SELECT * FROM alert_rules WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .map((rs, ctx) -> Map.entry(rs.getString("scope"), rule(rs)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The rule in force for {@code scope}: the stored one or the defaults. */
  public AlertRule rule(Handle h, WorkspaceId ws, String scope) {
    return h.createQuery("SELECT * FROM alert_rules WHERE workspace_id = :ws AND scope = :scope")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .map((rs, ctx) -> rule(rs))
        .findOne()
        .orElseGet(() -> defaults(scope));
  }

  public static AlertRule defaults(String scope) {
    return WORKSPACE_SCOPE.equals(scope) ? AlertRule.workspaceDefaults() : AlertRule.defaults();
  }

  public void saveRule(
      Handle h, WorkspaceId ws, String scope, AlertRule r, String userId, Instant at) {
    h.createUpdate("DELETE FROM alert_rules WHERE workspace_id = :ws AND scope = :scope")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .execute();
    h.createUpdate(
            "INSERT INTO alert_rules (workspace_id, scope, volume_enabled, negative_enabled,"
                + " window_minutes, baseline_hours, sensitivity, min_count, cooldown_minutes,"
                + " updated_by, updated_at) VALUES (:ws, :scope, :volume, :negative, :window,"
                + " :baseline, :sensitivity, :min, :cooldown, :by, :at)")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .bind("volume", r.volume() ? 1 : 0)
        .bind("negative", r.negative() ? 1 : 0)
        .bind("window", (int) r.window().toMinutes())
        .bind("baseline", (int) r.baseline().toHours())
        .bind("sensitivity", r.sensitivity().key())
        .bind("min", r.minCount())
        .bind("cooldown", (int) r.coolDown().toMinutes())
        .bind("by", userId)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  private static AlertRule rule(ResultSet rs) throws SQLException {
    return new AlertRule(
        rs.getInt("volume_enabled") == 1,
        rs.getInt("negative_enabled") == 1,
        Duration.ofMinutes(rs.getInt("window_minutes")),
        Duration.ofHours(rs.getInt("baseline_hours")),
        Sensitivity.parse("sensitivity", rs.getString("sensitivity")),
        rs.getInt("min_count"),
        Duration.ofMinutes(rs.getInt("cooldown_minutes")));
  }

  // ---- episodes

  public Optional<CoolDown.Episode> episode(
      Handle h, WorkspaceId ws, String scope, AlertKind kind) {
    return h.createQuery(
            "SELECT * FROM alert_episodes WHERE workspace_id = :ws AND scope = :scope AND kind ="
                + " :kind")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .bind("kind", kind.key())
        .map(
            (rs, ctx) ->
                new CoolDown.Episode(
                    Instant.ofEpochMilli(rs.getLong("started_at")),
                    Instant.ofEpochMilli(rs.getLong("last_firing_at")),
                    Instant.ofEpochMilli(rs.getLong("last_alert_at"))))
        .findOne();
  }

  public void saveEpisode(
      Handle h, WorkspaceId ws, String scope, AlertKind kind, CoolDown.Episode e) {
    h.createUpdate(
            "DELETE FROM alert_episodes WHERE workspace_id = :ws AND scope = :scope AND kind ="
                + " :kind")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .bind("kind", kind.key())
        .execute();
    h.createUpdate(
            "INSERT INTO alert_episodes (workspace_id, scope, kind, started_at, last_firing_at,"
                + " last_alert_at) VALUES (:ws, :scope, :kind, :started, :firing, :alerted)")
        .bind("ws", ws.value())
        .bind("scope", scope)
        .bind("kind", kind.key())
        .bind("started", e.startedAt().toEpochMilli())
        .bind("firing", e.lastFiringAt().toEpochMilli())
        .bind("alerted", e.lastAlertAt().toEpochMilli())
        .execute();
  }

  // ---- alerts

  public void insert(Handle h, Alert a) {
    h.createUpdate(
            "INSERT INTO alerts (id, workspace_id, scope, query_id, scope_name, kind, follow_up,"
                + " episode_started_at, fired_at, window_start, window_end, window_count,"
                + " window_negative, baseline_mean, baseline_sd, baseline_share, score, detail)"
                + " VALUES (:id, :ws, :scope, :query, :name, :kind, :followUp, :episode, :fired,"
                + " :ws0, :ws1, :count, :negative, :mean, :sd, :share, :score, :detail)")
        .bind("id", a.id())
        .bind("ws", a.workspaceId().value())
        .bind("scope", a.scope())
        .bind("query", a.queryId())
        .bind("name", a.scopeName())
        .bind("kind", a.kind().key())
        .bind("followUp", a.followUp() ? 1 : 0)
        .bind("episode", a.episodeStartedAt().toEpochMilli())
        .bind("fired", a.firedAt().toEpochMilli())
        .bind("ws0", a.windowStart().toEpochMilli())
        .bind("ws1", a.windowEnd().toEpochMilli())
        .bind("count", a.windowCount())
        .bind("negative", a.windowNegative())
        .bind("mean", a.baselineMean())
        .bind("sd", a.baselineSd())
        .bind("share", a.baselineShare())
        .bind("score", a.score())
        .bind("detail", a.detail())
        .execute();
  }

  private static final String ALERT_SELECT =
      "SELECT a.*, u.display_name AS ack_name FROM alerts a LEFT JOIN users u ON u.id ="
          + " a.acknowledged_by ";

  /** The newest alerts first; {@code unacknowledgedOnly} to see what still needs a look. */
  public List<Alert> list(Handle h, WorkspaceId ws, boolean unacknowledgedOnly, int limit) {
    return h.createQuery(
            ALERT_SELECT
                + "WHERE a.workspace_id = :ws"
                + (unacknowledgedOnly ? " AND a.acknowledged_at IS NULL" : "")
                + " ORDER BY a.fired_at DESC, a.id DESC LIMIT :limit")
        .bind("ws", ws.value())
        .bind("limit", limit)
        .map((rs, ctx) -> alert(rs))
        .list();
  }

  /**
   * A page of alerts, newest first, like {@link #list}; the cursor names the last alert's firing
   * time and id.
   */
  public Page<Alert> page(Handle h, WorkspaceId ws, boolean unacknowledgedOnly, PageRequest page) {
    long afterAt = 0;
    String afterId = "";
    if (page.after() != null) {
      String[] parts = page.after().split(":", 2);
      try {
        afterAt = Long.parseLong(parts[0]);
      } catch (NumberFormatException e) {
        throw new Invalid("cursor", "the cursor is not one this server gave out");
      }
      afterId = parts.length > 1 ? parts[1] : "";
    }
    List<Alert> rows =
        h.createQuery(
                ALERT_SELECT
                    + "WHERE a.workspace_id = :ws"
                    + (unacknowledgedOnly ? " AND a.acknowledged_at IS NULL" : "")
                    + (page.after() == null
                        ? ""
                        : " AND (a.fired_at < :afterAt OR (a.fired_at = :afterAt AND a.id <"
                            + " :afterId))")
                    + " ORDER BY a.fired_at DESC, a.id DESC LIMIT :limit")
            .bind("ws", ws.value())
            .bind("afterAt", afterAt)
            .bind("afterId", afterId)
            .bind("limit", page.limit() + 1)
            .map((rs, ctx) -> alert(rs))
            .list();
    return Page.of(rows, page.limit(), a -> a.firedAt().toEpochMilli() + ":" + a.id());
  }

  public Optional<Alert> find(Handle h, WorkspaceId ws, String id) {
    return h.createQuery(ALERT_SELECT + "WHERE a.workspace_id = :ws AND a.id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .map((rs, ctx) -> alert(rs))
        .findOne();
  }

  public int unacknowledged(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT COUNT(*) FROM alerts WHERE workspace_id = :ws AND acknowledged_at IS NULL")
        .bind("ws", ws.value())
        .mapTo(Integer.class)
        .one();
  }

  public boolean acknowledge(Handle h, WorkspaceId ws, String id, String userId, Instant at) {
    return h.createUpdate(
                "UPDATE alerts SET acknowledged_by = :by, acknowledged_at = :at WHERE"
                    + " workspace_id = :ws AND id = :id AND acknowledged_at IS NULL")
            .bind("by", userId)
            .bind("at", at.toEpochMilli())
            .bind("ws", ws.value())
            .bind("id", id)
            .execute()
        > 0;
  }

  private static Alert alert(ResultSet rs) throws SQLException {
    long ack = rs.getLong("acknowledged_at");
    boolean acked = !rs.wasNull();
    return new Alert(
        rs.getString("id"),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("scope"),
        rs.getString("query_id"),
        rs.getString("scope_name"),
        AlertKind.fromKey(rs.getString("kind")),
        rs.getInt("follow_up") == 1,
        Instant.ofEpochMilli(rs.getLong("episode_started_at")),
        Instant.ofEpochMilli(rs.getLong("fired_at")),
        Instant.ofEpochMilli(rs.getLong("window_start")),
        Instant.ofEpochMilli(rs.getLong("window_end")),
        rs.getLong("window_count"),
        rs.getLong("window_negative"),
        rs.getDouble("baseline_mean"),
        rs.getDouble("baseline_sd"),
        rs.getDouble("baseline_share"),
        rs.getDouble("score"),
        rs.getString("detail"),
        rs.getString("acknowledged_by"),
        rs.getString("ack_name"),
        acked ? Instant.ofEpochMilli(ack) : null);
  }

  // ---- destinations

  public void insertDestination(Handle h, Destination d, String sealedSecret, String userId) {
    h.createUpdate(
            "INSERT INTO alert_destinations (id, workspace_id, kind, target, secret, created_by,"
                + " created_at) VALUES (:id, :ws, :kind, :target, :secret, :by, :at)")
        .bind("id", d.id())
        .bind("ws", d.workspaceId().value())
        .bind("kind", d.kind().key())
        .bind("target", d.target())
        .bind("secret", sealedSecret)
        .bind("by", userId)
        .bind("at", d.createdAt().toEpochMilli())
        .execute();
  }

  public List<Destination> destinations(Handle h, WorkspaceId ws) {
    return h.createQuery("SELECT * FROM alert_destinations WHERE workspace_id = :ws ORDER BY id")
        .bind("ws", ws.value())
        .map((rs, ctx) -> destination(rs))
        .list();
  }

  public Optional<Destination> destination(Handle h, WorkspaceId ws, String id) {
    return h.createQuery("SELECT * FROM alert_destinations WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .map((rs, ctx) -> destination(rs))
        .findOne();
  }

  public Optional<String> sealedSecret(Handle h, String destinationId) {
    return h.createQuery("SELECT secret FROM alert_destinations WHERE id = :id")
        .bind("id", destinationId)
        .mapTo(String.class)
        .findOne();
  }

  /** Every destination's sealed secret by id, for re-sealing under a new instance key. */
  public Map<String, String> sealedSecrets(Handle h) {
    Map<String, String> out = new LinkedHashMap<>();
    h.createQuery("SELECT id, secret FROM alert_destinations WHERE secret IS NOT NULL ORDER BY id")
        .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("secret")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public void reseal(Handle h, String destinationId, String sealed) {
    h.createUpdate("UPDATE alert_destinations SET secret = :s WHERE id = :id")
        .bind("s", sealed)
        .bind("id", destinationId)
        .execute();
  }

  public void deleteDestination(Handle h, WorkspaceId ws, String id) {
    h.createUpdate("DELETE FROM alert_destinations WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id)
        .execute();
  }

  private static Destination destination(ResultSet rs) throws SQLException {
    return new Destination(
        rs.getString("id"),
        new WorkspaceId(rs.getString("workspace_id")),
        DestinationKind.fromKey(rs.getString("kind")),
        rs.getString("target"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  // ---- deliveries

  public void insertDelivery(Handle h, String id, Alert a, Destination d, Instant at) {
    h.createUpdate(
            "INSERT INTO alert_deliveries (id, alert_id, workspace_id, destination_id, status,"
                + " attempts, next_attempt_at, created_at) VALUES (:id, :alert, :ws, :dest,"
                + " 'pending', 0, :at, :at)")
        .bind("id", id)
        .bind("alert", a.id())
        .bind("ws", a.workspaceId().value())
        .bind("dest", d.id())
        .bind("at", at.toEpochMilli())
        .execute();
  }

  private static final String DELIVERY_SELECT =
      "SELECT d.*, t.kind AS dest_kind, t.target AS dest_target FROM alert_deliveries d JOIN"
          + " alert_destinations t ON t.id = d.destination_id ";

  /** Pending deliveries due by {@code now}, oldest first. */
  public List<Delivery> due(Handle h, Instant now, int max) {
    return h.createQuery(
            DELIVERY_SELECT
                + "WHERE d.status = 'pending' AND d.next_attempt_at <= :now ORDER BY"
                + " d.next_attempt_at, d.id LIMIT :max")
        .bind("now", now.toEpochMilli())
        .bind("max", max)
        .map((rs, ctx) -> delivery(rs))
        .list();
  }

  /** The deliveries of these alerts, by alert id. */
  public Map<String, List<Delivery>> deliveries(Handle h, WorkspaceId ws, List<String> alertIds) {
    Map<String, List<Delivery>> out = new HashMap<>();
    if (alertIds.isEmpty()) return out;
    h.createQuery(
            DELIVERY_SELECT + "WHERE d.workspace_id = :ws AND d.alert_id IN (<ids>) ORDER BY d.id")
        .bind("ws", ws.value())
        .bindList("ids", alertIds)
        .map((rs, ctx) -> delivery(rs))
        .forEach(d -> out.computeIfAbsent(d.alertId(), k -> new ArrayList<>()).add(d));
    return out;
  }

  public void recordSent(Handle h, String id, int attempts, Instant at) {
    h.createUpdate(
            "UPDATE alert_deliveries SET status = 'sent', attempts = :n, sent_at = :at,"
                + " next_attempt_at = NULL WHERE id = :id")
        .bind("n", attempts)
        .bind("at", at.toEpochMilli())
        .bind("id", id)
        .execute();
  }

  /** A failed attempt: pending again at {@code next}, or failed for good when it is null. */
  public void recordFailure(Handle h, String id, int attempts, String error, Instant next) {
    h.createUpdate(
            "UPDATE alert_deliveries SET status = :status, attempts = :n, last_error = :error,"
                + " next_attempt_at = :next WHERE id = :id")
        .bind("status", next == null ? "failed" : "pending")
        .bind("n", attempts)
        .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
        .bind("next", next == null ? null : next.toEpochMilli())
        .bind("id", id)
        .execute();
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    long next = rs.getLong("next_attempt_at");
    boolean hasNext = !rs.wasNull();
    long sent = rs.getLong("sent_at");
    boolean hasSent = !rs.wasNull();
    return new Delivery(
        rs.getString("id"),
        rs.getString("alert_id"),
        rs.getString("destination_id"),
        DestinationKind.fromKey(rs.getString("dest_kind")),
        rs.getString("dest_target"),
        rs.getString("status"),
        rs.getInt("attempts"),
        hasNext ? Instant.ofEpochMilli(next) : null,
        rs.getString("last_error"),
        hasSent ? Instant.ofEpochMilli(sent) : null);
  }
}
