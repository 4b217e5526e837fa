package dev.chorus.core.publishing.queue;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates the next occurrence of every enabled series that has none pending. Guards against bursts:
 * a series has at most one occurrence still scheduled; the next one is the first after now (after
 * downtime the missed occurrences are skipped, never created one after another) and at least the
 * series' minimum gap after the last one. Creating an occurrence moves {@code last_due_at} with a
 * compare-and-set, so two nodes firing at once create it once.
 */
public final class FireSeries {
  private final Database db;
  private final PostSeries series;
  private final WorkspaceZone zones;
  private final SchedulePost schedule;
  private final Clock clock;

  public FireSeries(
      Database db, PostSeries series, WorkspaceZone zones, SchedulePost schedule, Clock clock) {
    this.db = db;
    this.series = series;
    this.zones = zones;
    this.schedule = schedule;
    this.clock = clock;
  }

  /** Creates what is due; returns the posts created. */
  public List<PostId> fire() {
    List<PostId> created = new ArrayList<>();
    for (PostSeries.Series s : db.read(series::enabled)) {
      try {
        db.inTransaction(h -> fire(h, s)).ifPresent(created::add);
      } catch (Invalid e) {
        // A channel was disconnected or removed: the series says why and tries again later.
        db.inTransaction(
            h ->
                h.createUpdate("UPDATE post_series SET last_error = :e WHERE id = :id")
                    .bind("e", e.getMessage())
                    .bind("id", s.id())
                    .execute());
      }
    }
    if (!created.isEmpty()) schedule.scheduled();
    return created;
  }

  private Optional<PostId> fire(org.jdbi.v3.core.Handle h, PostSeries.Series s) {
    boolean pending =
        h.createQuery(
                    "SELECT COUNT(*) FROM series_posts sp JOIN posts p ON p.id = sp.post_id WHERE"
                        + " sp.series_id = :s AND p.status IN ('scheduled', 'draft',"
                        + " 'pending_approval')")
                .bind("s", s.id())
                .mapTo(Integer.class)
                .one()
            > 0;
    if (pending) return Optional.empty();
    Instant now = clock.instant();
    Instant after = now;
    if (s.lastDueAt() != null) {
      Instant gapEnd = s.lastDueAt().plus(s.spec().minGap()).minusMillis(1);
      if (gapEnd.isAfter(after)) after = gapEnd;
    }
    ZoneId zone = zones.of(h, s.workspace());
    Optional<Instant> next = s.spec().repeat().nextAfter(after, zone);
    if (next.isEmpty()) return Optional.empty();
    int claimed =
        h.createUpdate(
                "UPDATE post_series SET last_due_at = :next, last_error = NULL, updated_at = :now"
                    + " WHERE id = :id AND COALESCE(last_due_at, -1) = :prev")
            .bind("next", next.get().toEpochMilli())
            .bind("now", now.toEpochMilli())
            .bind("id", s.id())
            .bind("prev", s.lastDueAt() == null ? -1L : s.lastDueAt().toEpochMilli())
            .execute();
    if (claimed == 0) return Optional.empty();
    var text =
        h.createQuery(
                "SELECT id, body FROM series_texts WHERE series_id = :s ORDER BY CASE WHEN"
                    + " last_used_at IS NULL THEN 0 ELSE 1 END, last_used_at, position LIMIT 1")
            .bind("s", s.id())
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .one();
    h.createUpdate("UPDATE series_texts SET last_used_at = :now WHERE id = :id")
        .bind("now", now.toEpochMilli())
        .bind("id", text[0])
        .execute();
    List<SchedulePost.Variant> variants = new ArrayList<>();
    for (ChannelId c : s.spec().channels()) {
      variants.add(new SchedulePost.Variant(c, text[1], s.spec().contentWarning()));
    }
    PostId post = schedule.schedule(h, s.workspace(), s.createdBy(), next.get(), variants);
    h.createUpdate("INSERT INTO series_posts (post_id, series_id, due_at) VALUES (:p, :s, :due)")
        .bind("p", post.value())
        .bind("s", s.id())
        .bind("due", next.get().toEpochMilli())
        .execute();
    return Optional.of(post);
  }
}
