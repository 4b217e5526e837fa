package dev.chorus.core.listening;

import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import dev.chorus.listen.match.QueryMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One compiled matcher per workspace, holding its enabled saved queries. Built from the store on
 * first use, then kept current one query at a time as queries are saved, paused or deleted, so
 * nothing is ever recompiled wholesale. Thread-safe.
 */
public final class WorkspaceMatchers {
  /** A workspace's compiled queries and, per query id, the channels it listens to. */
  public record Compiled(QueryMatcher matcher, Map<String, List<String>> sources) {}

  private final Database db;
  private final QueryStore queries;
  private final QueryCheck check;
  private final Map<WorkspaceId, Compiled> compiled = new ConcurrentHashMap<>();

  public WorkspaceMatchers(Database db, QueryStore queries, QueryCheck check) {
    this.db = db;
    this.queries = queries;
    this.check = check;
  }

  /** The workspace's compiled queries. */
  public Compiled of(WorkspaceId ws) {
    return compiled.computeIfAbsent(ws, this::build);
  }

  private Compiled build(WorkspaceId ws) {
    Compiled c = new Compiled(new QueryMatcher(), new ConcurrentHashMap<>());
    for (SavedQuery q : db.read(h -> queries.list(h, ws))) put(c, q);
    return c;
  }

  /** Brings the compiled copy of {@code q} up to date (added, replaced, or removed if paused). */
  public void changed(SavedQuery q) {
    Compiled c = compiled.get(q.workspaceId());
    if (c != null) put(c, q);
  }

  /** Forgets a deleted query. */
  public void deleted(WorkspaceId ws, String id) {
    Compiled c = compiled.get(ws);
    if (c != null) {
      c.matcher().remove(id);
      c.sources().remove(id);
    }
  }

  private void put(Compiled c, SavedQuery q) {
    if (!q.enabled()) {
      c.matcher().remove(q.id());
      c.sources().remove(q.id());
      return;
    }
    c.matcher().add(q.id(), check.parse(q.text()));
    c.sources().put(q.id(), q.sources());
  }
}
