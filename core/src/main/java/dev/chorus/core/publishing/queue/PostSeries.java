package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Recurring posts (one text) and evergreen pools (several texts, the least recently used goes
 * next): defining, listing, pausing and deleting them. {@link FireSeries} creates the occurrences.
 */
public final class PostSeries {
  public enum Kind {
    RECURRING,
    EVERGREEN;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String field, String value) {
      for (Kind k : values()) if (k.key().equals(value)) return k;
      throw new Invalid(field, "choose recurring or evergreen");
    }
  }

  /** The shortest gap allowed between two occurrences of a series. */
  public static final Duration LEAST_GAP = Duration.ofMinutes(10);

  /**
   * What a series is. {@code texts}: one for a recurring post, one or more for an evergreen pool.
   * {@code minGap}: the least time between two occurrences, whatever the rule says.
   */
  public record Spec(
      Kind kind,
      String name,
      List<ChannelId> channels,
      List<String> texts,
      String contentWarning,
      Repeat repeat,
      Duration minGap) {
    public Spec {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(repeat, "repeat");
      if (name == null || name.isBlank()) throw new Invalid("name", "give the series a name");
      if (name.length() > 200) throw new Invalid("name", "at most 200 characters");
      channels = List.copyOf(new LinkedHashSet<>(channels));
      if (channels.isEmpty()) throw new Invalid("channels", "choose at least one channel");
      texts = texts.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
      if (texts.isEmpty()) throw new Invalid("text", "write the post");
      if (kind == Kind.RECURRING && texts.size() > 1) {
        throw new Invalid("text", "a recurring post has one text; use an evergreen pool for more");
      }
      if (texts.size() > 100) throw new Invalid("text", "at most 100 texts in a pool");
      if (contentWarning != null && contentWarning.isBlank()) contentWarning = null;
      if (minGap == null || minGap.compareTo(LEAST_GAP) < 0) {
        throw new Invalid("min_gap", "the minimum gap is at least 10 minutes");
      }
    }
  }

  /** A stored series. {@code lastDueAt}, {@code lastError} may be null. */
  public record Series(
      String id,
      WorkspaceId workspace,
      String createdBy,
      Spec spec,
      boolean enabled,
      Instant lastDueAt,
      String lastError,
      Instant nextDueAt) {}

  private final Database db;
  private final ChannelStore channels;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public PostSeries(
      Database db, ChannelStore channels, AuditLog audit, Supplier<String> ids, Clock clock) {
    this.db = db;
    this.channels = channels;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** Defines a series (editors and above); its first occurrence comes with the next firing. */
  public String create(Actor actor, Spec spec) {
    actor.require(Role.EDITOR, "create recurring posts");
    WorkspaceId ws = actor.workspace().id();
    String id = ids.get();
    db.inTransaction(
        h -> {
          for (ChannelId c : spec.channels()) {
            channels
                .find(h, ws, c)
                .orElseThrow(() -> new Invalid("channels", "no such channel: " + c));
          }
          long now = clock.millis();
          Repeat r = spec.repeat();
          h.createUpdate(
                  "INSERT INTO post_series (id, workspace_id, created_by, kind, name, channel_ids,"
                      + " content_warning, unit, repeat_every, weekdays, time_of_day, starts_on,"
                      + " min_gap_minutes, enabled, created_at, updated_at) VALUES (:id, :ws, :by,"
                      + " :kind, :name, :channels, :cw, :unit, :every, :weekdays, :time, :starts,"
                      + " :gap, 1, :now, :now)")
              .bind("id", id)
              .bind("ws", ws.value())
              .bind("by", actor.user().id().value())
              .bind("kind", spec.kind().key())
              .bind("name", spec.name().strip())
              .bind(
                  "channels",
                  String.join(",", spec.channels().stream().map(ChannelId::value).toList()))
              .bind("cw", spec.contentWarning())
              .bind("unit", r.unit().key())
              .bind("every", r.every())
              .bind("weekdays", r.weekdayDigits())
              .bind("time", r.time().getHour() * 60 + r.time().getMinute())
              .bind("starts", r.startsOn().toString())
              .bind("gap", (int) spec.minGap().toMinutes())
              .bind("now", now)
              .execute();
          int i = 0;
          for (String t : spec.texts()) {
            h.createUpdate(
                    "INSERT INTO series_texts (id, series_id, position, body) VALUES (:id, :s,"
                        + " :pos, :body)")
                .bind("id", ids.get())
                .bind("s", id)
                .bind("pos", i++)
                .bind("body", t)
                .execute();
          }
          audit.record(
              h,
              ws,
              actor.who(),
              "series.created",
              "series:" + id,
              spec.kind().key() + " " + spec.name());
          return null;
        });
    return id;
  }

  /** The workspace's series, by name; {@code nextDueAt} is its pending occurrence, if any. */
  public List<Series> list(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT s.*, (SELECT MIN(sp.due_at) FROM series_posts sp JOIN posts p ON p.id ="
                + " sp.post_id WHERE sp.series_id = s.id AND p.status = 'scheduled') AS next_due"
                + " FROM post_series s WHERE s.workspace_id = :ws ORDER BY s.name, s.id")
        .bind("ws", ws.value())
        .map(series(h))
        .list();
  }

  /** Every enabled series, for {@link FireSeries}. */
  List<Series> enabled(Handle h) {
    return h.createQuery(
            "SELECT s.*, NULL AS next_due FROM post_series s WHERE s.enabled = 1 ORDER BY s.id")
        .map(series(h))
        .list();
  }

  /** Pauses or resumes a series (editors and above). */
  public void setEnabled(Actor actor, String id, boolean enabled) {
    actor.require(Role.EDITOR, "pause or resume recurring posts");
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE post_series SET enabled = :e, updated_at = :now WHERE id = :id AND"
                          + " workspace_id = :ws")
                  .bind("e", enabled ? 1 : 0)
                  .bind("now", clock.millis())
                  .bind("id", id)
                  .bind("ws", actor.workspace().id().value())
                  .execute();
          if (n == 0) throw new NotFound("no such series");
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              enabled ? "series.resumed" : "series.paused",
              "series:" + id,
              null);
          return null;
        });
  }

  /** Deletes a series; the occurrence already scheduled stays on the calendar. */
  public void delete(Actor actor, String id) {
    actor.require(Role.EDITOR, "delete recurring posts");
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate("DELETE FROM post_series WHERE id = :id AND workspace_id = :ws")
                  .bind("id", id)
                  .bind("ws", actor.workspace().id().value())
                  .execute();
          if (n == 0) throw new NotFound("no such series");
          audit.record(
              h, actor.workspace().id(), actor.who(), "series.deleted", "series:" + id, null);
          return null;
        });
  }

  private static RowMapper<Series> series(Handle h) {
    return (rs, ctx) -> {
      String id = rs.getString("id");
      List<String> texts =
          h.createQuery("SELECT body FROM series_texts WHERE series_id = :s ORDER BY position")
              .bind("s", id)
              .mapTo(String.class)
              .list();
      int tod = rs.getInt("time_of_day");
      Repeat r =
          new Repeat(
              Repeat.Unit.parse("unit", rs.getString("unit")),
              rs.getInt("repeat_every"),
              Repeat.weekdays(rs.getString("weekdays")),
              java.time.LocalTime.of(tod / 60, tod % 60),
              LocalDate.parse(rs.getString("starts_on")));
      List<ChannelId> chans = new ArrayList<>();
      for (String c : Arrays.asList(rs.getString("channel_ids").split(","))) {
        chans.add(new ChannelId(c));
      }
      Object last = rs.getObject("last_due_at");
      Object next = rs.getObject("next_due");
      return new Series(
          id,
          new WorkspaceId(rs.getString("workspace_id")),
          rs.getString("created_by"),
          new Spec(
              Kind.parse("kind", rs.getString("kind")),
              rs.getString("name"),
              chans,
              texts,
              rs.getString("content_warning"),
              r,
              Duration.ofMinutes(rs.getInt("min_gap_minutes"))),
          rs.getInt("enabled") == 1,
          last == null ? null : Instant.ofEpochMilli(((Number) last).longValue()),
          rs.getString("last_error"),
          next == null ? null : Instant.ofEpochMilli(((Number) next).longValue()));
    };
  }
}
