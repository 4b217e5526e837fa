package dev.chorus.core.listening;

import dev.chorus.core.Ids;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates or changes a saved query after checking it with the listening engine. */
public final class SaveQuery {
  /**
   * What the person wrote.
   *
   * @param sources channel ids; empty for every channel
   */
  public record Draft(String name, String text, List<String> sources) {
    public Draft {
      sources = sources == null ? List.of() : List.copyOf(new LinkedHashSet<>(sources));
    }
  }

  private final Database db;
  private final QueryStore queries;
  private final ChannelStore channels;
  private final QueryCheck check;
  private final WorkspaceMatchers matchers;
  private final AuditLog audit;
  private final Ids ids;
  private final Clock clock;

  public SaveQuery(
      Database db,
      QueryStore queries,
      ChannelStore channels,
      QueryCheck check,
      WorkspaceMatchers matchers,
      AuditLog audit,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.queries = queries;
    this.channels = channels;
    this.check = check;
    this.matchers = matchers;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Saves {@code draft} as a new query ({@code id} null) or over the query {@code id}.
   *
   * @throws Invalid naming {@code name}, {@code query} (with the column) or {@code sources}
   * @throws NotFound when {@code id} is not a query of the actor's workspace
   */
  public SavedQuery save(Actor actor, String id, Draft draft) {
    SavedQuery saved = store(actor, id, draft);
    matchers.changed(saved);
    return saved;
  }

  private SavedQuery store(Actor actor, String id, Draft draft) {
    actor.require(Role.EDITOR, "change saved queries");
    if (draft.name() == null || draft.name().isBlank()) throw new Invalid("name", "name the query");
    String name = draft.name().strip();
    if (name.length() > 100) throw new Invalid("name", "a query name is at most 100 characters");
    check.parse(draft.text());
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          Set<String> known =
              channels.list(h, actor.workspace().id()).stream()
                  .map(c -> c.id().value())
                  .collect(Collectors.toSet());
          for (String s : draft.sources()) {
            if (!known.contains(s))
              throw new Invalid("sources", "there is no channel " + s + " here");
          }
          if (id == null) {
            SavedQuery q =
                new SavedQuery(
                    ids.next(),
                    actor.workspace().id(),
                    name,
                    draft.text().strip(),
                    draft.sources(),
                    null,
                    now,
                    now);
            queries.insert(h, q, actor.user().id().value());
            audit.record(h, actor.workspace().id(), actor.who(), "query.created", name, q.text());
            return q;
          }
          SavedQuery old =
              queries
                  .find(h, actor.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such query here."));
          SavedQuery q =
              new SavedQuery(
                  old.id(),
                  old.workspaceId(),
                  name,
                  draft.text().strip(),
                  draft.sources(),
                  old.disabledAt(),
                  old.createdAt(),
                  now);
          queries.update(h, q);
          audit.record(h, actor.workspace().id(), actor.who(), "query.changed", name, q.text());
          return q;
        });
  }

  /** Enables or disables the query {@code id}. */
  public SavedQuery setEnabled(Actor actor, String id, boolean enabled) {
    actor.require(Role.EDITOR, "change saved queries");
    SavedQuery changed =
        db.inTransaction(
            h -> {
              SavedQuery old =
                  queries
                      .find(h, actor.workspace().id(), id)
                      .orElseThrow(() -> new NotFound("There is no such query here."));
              if (old.enabled() == enabled) return old;
              Instant now = clock.instant();
              SavedQuery q =
                  new SavedQuery(
                      old.id(),
                      old.workspaceId(),
                      old.name(),
                      old.text(),
                      old.sources(),
                      enabled ? null : now,
                      old.createdAt(),
                      now);
              queries.update(h, q);
              audit.record(
                  h,
                  actor.workspace().id(),
                  actor.who(),
                  enabled ? "query.enabled" : "query.disabled",
                  old.name(),
                  null);
              return q;
            });
    matchers.changed(changed);
    return changed;
  }

  /** Deletes the query {@code id}. */
  public void delete(Actor actor, String id) {
    actor.require(Role.EDITOR, "delete saved queries");
    db.inTransaction(
        h -> {
          SavedQuery old =
              queries
                  .find(h, actor.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such query here."));
          queries.delete(h, actor.workspace().id(), id);
          audit.record(
              h, actor.workspace().id(), actor.who(), "query.deleted", old.name(), old.text());
          return null;
        });
    matchers.deleted(actor.workspace().id(), id);
  }
}
