package dev.chorus.core.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for a channel's listening sources: each source's cursor and health ({@code channel_sources}).
 * The mentions' cursor is the channel's own {@code read_cursor}.
 */
public final class SourceStore {
  /**
   * A source's state.
   *
   * @param cursor null before its first read
   * @param lastError null when its last read succeeded
   */
  public record State(
      Source source, String cursor, Instant lastSuccessAt, String lastError, Instant lastErrorAt) {}

  /** Where {@code source} of {@code channel} reads next, or null before its first read. */
  public String cursor(Handle h, ChannelId channel, Source source) {
    if (source.kind() == Source.Kind.MENTIONS) {
      return h.createQuery("SELECT read_cursor FROM channels WHERE id = :id")
          .bind("id", channel.value())
          .mapTo(String.class)
          .findOne()
          .orElse(null);
    }
    return h.createQuery(
            "SELECT read_cursor FROM channel_sources WHERE channel_id = :id AND source = :s")
        .bind("id", channel.value())
        .bind("s", source.key())
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /** The state of the channel's sources other than mentions, by source name. */
  public List<State> list(Handle h, ChannelId channel) {
    return h.createQuery("SELECT * FROM channel_sources WHERE channel_id = :id ORDER BY source")
        .bind("id", channel.value())
        .map((rs, ctx) -> state(rs))
        .list();
  }

  public Optional<State> find(Handle h, ChannelId channel, Source source) {
    return h.createQuery("SELECT * FROM channel_sources WHERE channel_id = :id AND source = :s")
        .bind("id", channel.value())
        .bind("s", source.key())
        .map((rs, ctx) -> state(rs))
        .findOne();
  }

  /**
   * Moves {@code source}'s cursor and marks it read successfully at {@code at}. Runs on the
   * caller's transaction, after its items were stored.
   */
  public void advance(Handle h, ChannelId channel, Source source, String cursor, Instant at) {
    if (source.kind() == Source.Kind.MENTIONS) {
      h.createUpdate("UPDATE channels SET read_cursor = :c WHERE id = :id")
          .bind("c", cursor)
          .bind("id", channel.value())
          .execute();
      return;
    }
    h.createUpdate(
            "INSERT INTO channel_sources (channel_id, source, read_cursor, last_success_at)"
                + " VALUES (:id, :s, :c, :at) ON CONFLICT (channel_id, source) DO UPDATE SET"
                + " read_cursor = excluded.read_cursor, last_success_at ="
                + " excluded.last_success_at, last_error = NULL")
        .bind("id", channel.value())
        .bind("s", source.key())
        .bind("c", cursor)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Marks {@code source} read successfully without moving its cursor. */
  public void succeeded(Handle h, ChannelId channel, Source source, Instant at) {
    if (source.kind() == Source.Kind.MENTIONS) return;
    h.createUpdate(
            "INSERT INTO channel_sources (channel_id, source, last_success_at) VALUES (:id, :s,"
                + " :at) ON CONFLICT (channel_id, source) DO UPDATE SET last_success_at ="
                + " excluded.last_success_at, last_error = NULL")
        .bind("id", channel.value())
        .bind("s", source.key())
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Records why {@code source} failed; its cursor stays where it was. */
  public void failed(Handle h, ChannelId channel, Source source, String message, Instant at) {
    if (source.kind() == Source.Kind.MENTIONS) return;
    h.createUpdate(
            "INSERT INTO channel_sources (channel_id, source, last_error, last_error_at) VALUES"
                + " (:id, :s, :msg, :at) ON CONFLICT (channel_id, source) DO UPDATE SET"
                + " last_error = excluded.last_error, last_error_at = excluded.last_error_at")
        .bind("id", channel.value())
        .bind("s", source.key())
        .bind("msg", message.length() > 1000 ? message.substring(0, 1000) + "…" : message)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Forgets the state of sources the channel no longer has (a re-added one starts afresh). */
  public void keepOnly(Handle h, ChannelId channel, Collection<Source> sources) {
    List<String> keep = sources.stream().map(Source::key).toList();
    for (State s : list(h, channel)) {
      if (keep.contains(s.source().key())) continue;
      h.createUpdate("DELETE FROM channel_sources WHERE channel_id = :id AND source = :s")
          .bind("id", channel.value())
          .bind("s", s.source().key())
          .execute();
    }
  }

  private static State state(ResultSet rs) throws SQLException {
    return new State(
        Source.parse(rs.getString("source")),
        rs.getString("read_cursor"),
        instant(rs, "last_success_at"),
        rs.getString("last_error"),
        instant(rs, "last_error_at"));
  }

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    long v = rs.getLong(c);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
