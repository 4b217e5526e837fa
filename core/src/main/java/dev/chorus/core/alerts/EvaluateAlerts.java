package dev.chorus.core.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.listening.QueryStore;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every rule of every workspace against the items heard, records the alerts that pass the
 * cool-down, and queues their deliveries. Deterministic given the clock: the recent window is [now
 * − window, now), the baseline the whole windows of the same size before it. Called by one thread
 * (the app's scheduler, every minute).
 */
public final class EvaluateAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateAlerts.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one evaluation did. */
  public record Summary(int workspaces, int rules, int fired) {}

  /** One rule in force over one scope. */
  private record Scope(String key, String queryId, String name, AlertRule rule, Instant since) {}

  /** The counts of one scope: index 0..N-1 the baseline windows, N the recent one. */
  private record Counts(long[] items, long[] negative) {}

  private final Database db;
  private final AlertStore store;
  private final QueryStore queries;
  private final Detector detector;
  private final Supplier<String> ids;
  private final Clock clock;

  public EvaluateAlerts(
      Database db,
      AlertStore store,
      QueryStore queries,
      Detector detector,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.queries = queries;
    this.detector = detector;
    this.ids = ids;
    this.clock = clock;
  }

  /** Evaluates every workspace; a workspace that fails is logged and skipped. */
  public Summary evaluate() {
    Instant now = clock.instant();
    List<Map.Entry<WorkspaceId, Instant>> workspaces =
        db.read(
            h ->
                h.createQuery("SELECT id, created_at FROM workspaces ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                new WorkspaceId(rs.getString("id")),
                                Instant.ofEpochMilli(rs.getLong("created_at"))))
                    .list());
    int rules = 0;
    int fired = 0;
    for (Map.Entry<WorkspaceId, Instant> w : workspaces) {
      try {
        List<Scope> scopes = scopes(w.getKey(), w.getValue());
        rules += scopes.size();
        fired += evaluate(w.getKey(), scopes, now);
      } catch (RuntimeException e) {
        LOG.warn("evaluating the alerts of workspace {} failed", w.getKey().value(), e);
      }
    }
    return new Summary(workspaces.size(), rules, fired);
  }

  /** The enabled rules of a workspace: one per enabled saved query, and the workspace rule. */
  private List<Scope> scopes(WorkspaceId ws, Instant workspaceCreated) {
    return db.read(
        h -> {
          Map<String, AlertRule> stored = store.rules(h, ws);
          List<Scope> out = new ArrayList<>();
          for (SavedQuery q : queries.list(h, ws)) {
            if (!q.enabled()) continue;
            AlertRule r = stored.getOrDefault(q.id(), AlertRule.defaults());
            if (r.volume() || r.negative())
              out.add(new Scope(q.id(), q.id(), q.name(), r, q.createdAt()));
          }
          AlertRule r =
              stored.getOrDefault(AlertStore.WORKSPACE_SCOPE, AlertRule.workspaceDefaults());
          if (r.volume() || r.negative())
            out.add(new Scope(AlertStore.WORKSPACE_SCOPE, null, "All items", r, workspaceCreated));
          return out;
        });
  }

  private int evaluate(WorkspaceId ws, List<Scope> scopes, Instant now) {
    if (scopes.isEmpty()) return 0;
    // Rules with the same window and baseline share one pass over the items.
    Map<String, List<Scope>> groups = new LinkedHashMap<>();
    for (Scope s : scopes)
      groups
          .computeIfAbsent(s.rule().window() + "/" + s.rule().baseline(), k -> new ArrayList<>())
          .add(s);
    Map<Scope, Counts> counts = new HashMap<>();
    for (List<Scope> group : groups.values()) {
      AlertRule r = group.get(0).rule();
      Map<String, Counts> byScope = db.read(h -> count(h, ws, r, now));
      int n = r.baselineWindows() + 1;
      for (Scope s : group)
        counts.put(s, byScope.getOrDefault(s.key(), new Counts(new long[n], new long[n])));
    }
    // Only a firing finding can change an episode or make an alert: most minutes write nothing.
    Map<Scope, List<Finding>> firing = new LinkedHashMap<>();
    for (Scope s : scopes) {
      List<Finding> f = firing(s, counts.get(s), now);
      if (!f.isEmpty()) firing.put(s, f);
    }
    if (firing.isEmpty()) return 0;
    return db.inTransaction(
        h -> {
          int fired = 0;
          for (Map.Entry<Scope, List<Finding>> e : firing.entrySet())
            for (Finding f : e.getValue()) fired += record(h, ws, e.getKey(), f, now);
          return fired;
        });
  }

  /** Items per scope and window over [now − window − baseline, now). */
  private Map<String, Counts> count(Handle h, WorkspaceId ws, AlertRule r, Instant now) {
    long w = r.window().toMillis();
    int n = r.baselineWindows() + 1;
    long start = now.toEpochMilli() - n * w;
    Map<String, Counts> out = new HashMap<>();
    String neg =
        "SUM(CASE WHEN i.sentiment <= " + Detector.NEGATIVE_COMPOUND + " THEN 1 ELSE 0 END)";
    // GROUP BY positions: PostgreSQL would not see two bound expressions as the same one.
    h.createQuery(
            "SELECT m.query_id AS scope, (i.received_at - :start) / :w AS b, COUNT(*) AS n, "
                + neg
                + " AS neg FROM inbound_items i JOIN item_matches m ON m.item_id = i.id WHERE"
                + " i.workspace_id = :ws AND i.received_at >= :start AND i.received_at < :end"
                + " GROUP BY 1, 2")
        .bind("start", start)
        .bind("w", w)
        .bind("ws", ws.value())
        .bind("end", now.toEpochMilli())
        .map((rs, ctx) -> add(out, rs.getString("scope"), n, rs))
        .list();
    h.createQuery(
            "SELECT (i.received_at - :start) / :w AS b, COUNT(*) AS n, "
                + neg
                + " AS neg FROM inbound_items i WHERE i.workspace_id = :ws AND i.received_at >="
                + " :start AND i.received_at < :end GROUP BY 1")
        .bind("start", start)
        .bind("w", w)
        .bind("ws", ws.value())
        .bind("end", now.toEpochMilli())
        .map((rs, ctx) -> add(out, AlertStore.WORKSPACE_SCOPE, n, rs))
        .list();
    return out;
  }

  private static int add(Map<String, Counts> out, String scope, int n, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    int b = (int) rs.getLong("b");
    if (b < 0 || b >= n) return 0;
    Counts c = out.computeIfAbsent(scope, k -> new Counts(new long[n], new long[n]));
    c.items()[b] += rs.getLong("n");
    c.negative()[b] += rs.getLong("neg");
    return 1;
  }

  /** The findings of a scope's enabled kinds that pass every threshold. */
  private List<Finding> firing(Scope s, Counts c, Instant now) {
    AlertRule r = s.rule();
    int n = r.baselineWindows();
    long w = r.window().toMillis();
    long start = now.toEpochMilli() - (n + 1) * w;
    // Only baseline windows wholly after the scope began: before it, nothing could match.
    int first = 0;
    while (first < n && start + first * w < s.since().toEpochMilli()) first++;
    long[] baseline = Arrays.copyOfRange(c.items(), first, n);
    long baselineNegative = 0;
    for (int i = first; i < n; i++) baselineNegative += c.negative()[i];
    Series series = new Series(c.items()[n], c.negative()[n], baseline, baselineNegative);
    List<Finding> out = new ArrayList<>();
    if (r.volume()) out.add(detector.volume(series, r));
    if (r.negative()) out.add(detector.negative(series, r));
    out.removeIf(f -> !f.firing());
    return out;
  }

  /** Applies the cool-down to a firing finding; records an alert and its deliveries if due. */
  private int record(Handle h, WorkspaceId ws, Scope s, Finding f, Instant now) {
    AlertRule r = s.rule();
    CoolDown.Episode previous = store.episode(h, ws, s.key(), f.kind()).orElse(null);
    CoolDown.Decision d = CoolDown.decide(previous, true, now, r.window(), r.coolDown());
    store.saveEpisode(h, ws, s.key(), f.kind(), d.next());
    if (!d.alert()) return 0;
    Alert a = alert(ws, s, f, d, now);
    store.insert(h, a);
    for (Destination dest : store.destinations(h, ws))
      store.insertDelivery(h, ids.get(), a, dest, now);
    return 1;
  }

  private Alert alert(WorkspaceId ws, Scope s, Finding f, CoolDown.Decision d, Instant now) {
    AlertRule r = s.rule();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("sensitivity", r.sensitivity().key());
    detail.put("min_count", r.minCount());
    detail.put("window_minutes", r.window().toMinutes());
    detail.put("baseline_hours", r.baseline().toHours());
    detail.put("baseline_windows", f.baselineWindows());
    detail.put("z_threshold", r.sensitivity().z());
    if (f.kind() == AlertKind.VOLUME_SPIKE) {
      detail.put("ratio_threshold", r.sensitivity().ratio());
      detail.put("spread", round(f.spread()));
      detail.put("ratio", f.mean() == 0 ? null : round(f.count() / f.mean()));
    } else {
      detail.put("lift_threshold", r.sensitivity().lift());
      detail.put("share", round(f.share()));
      detail.put("lift", round(f.share() - f.baselineShare()));
    }
    detail.put("score", round(f.score()));
    detail.put("cooldown_minutes", r.coolDown().toMinutes());
    String json;
    try {
      json = JSON.writeValueAsString(detail);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Alert(
        ids.get(),
        ws,
        s.key(),
        s.queryId(),
        s.name(),
        f.kind(),
        d.followUp(),
        d.next().startedAt(),
        now,
        now.minus(r.window()),
        now,
        f.count(),
        f.negative(),
        f.mean(),
        f.sd(),
        f.baselineShare(),
        f.score(),
        json,
        null,
        null,
        null);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
