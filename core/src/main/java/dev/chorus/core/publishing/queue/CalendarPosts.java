package dev.chorus.core.publishing.queue;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The posts with a due time in a period, with a chip per channel, for the calendar and queue. */
public final class CalendarPosts {
  /** One channel of a post, with its delivery's status. */
  public record Chip(ChannelId channel, String name, String network, String status) {}

  /**
   * A post on the calendar. {@code text} is its author's, untrusted. {@code movable}: at least one
   * delivery still waits for its first attempt, so it can be rescheduled.
   */
  public record Entry(
      PostId id,
      String status,
      Instant dueAt,
      String text,
      List<Chip> chips,
      boolean movable,
      boolean queued) {}

  /** The most posts one calendar page shows. */
  public static final int MAX = 2000;

  /** Posts due in [{@code from}, {@code to}), in due order, at most {@link #MAX}. */
  public List<Entry> between(Handle h, WorkspaceId ws, Instant from, Instant to) {
    return entries(
        h,
        "p.workspace_id = :ws AND p.due_at >= :from AND p.due_at < :to",
        Map.of("ws", ws.value(), "from", from.toEpochMilli(), "to", to.toEpochMilli()),
        MAX);
  }

  /** The queued posts still waiting, soonest first. */
  public List<Entry> queued(Handle h, WorkspaceId ws, int limit) {
    return entries(
        h,
        "p.workspace_id = :ws AND p.status = 'scheduled' AND EXISTS (SELECT 1 FROM queue_entries"
            + " q WHERE q.post_id = p.id)",
        Map.of("ws", ws.value()),
        limit);
  }

  /** One post of the workspace, if it has a due time. */
  public Optional<Entry> find(Handle h, WorkspaceId ws, PostId id) {
    return entries(
            h,
            "p.workspace_id = :ws AND p.id = :id AND p.due_at IS NOT NULL",
            Map.of("ws", ws.value(), "id", id.value()),
            1)
        .stream()
        .findFirst();
  }

  private List<Entry> entries(Handle h, String where, Map<String, Object> binds, int limit) {
    var q =
        h.createQuery(
            "SELECT p.id, p.status, p.due_at, p.body, EXISTS (SELECT 1 FROM queue_entries q WHERE"
                + " q.post_id = p.id) AS queued FROM posts p WHERE "
                + where
                + " ORDER BY p.due_at, p.id LIMIT :limit");
    binds.forEach(q::bind);
    Map<String, Entry> posts = new LinkedHashMap<>();
    q.bind("limit", limit)
        .map(
            (rs, ctx) ->
                new Entry(
                    new PostId(rs.getString("id")),
                    rs.getString("status"),
                    Instant.ofEpochMilli(rs.getLong("due_at")),
                    rs.getString("body"),
                    new ArrayList<>(),
                    false,
                    rs.getBoolean("queued")))
        .forEach(e -> posts.put(e.id().value(), e));
    if (posts.isEmpty()) return List.of();
    Map<String, Boolean> movable = new LinkedHashMap<>();
    h.createQuery(
            "SELECT d.post_id, d.channel_id, c.name, c.network, d.status, d.attempts FROM"
                + " deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.post_id IN (<ids>)"
                + " ORDER BY c.name, d.channel_id")
        .bindList("ids", List.copyOf(posts.keySet()))
        .map(
            (rs, ctx) -> {
              String post = rs.getString("post_id");
              if ("scheduled".equals(rs.getString("status")) && rs.getInt("attempts") == 0) {
                movable.put(post, true);
              }
              posts
                  .get(post)
                  .chips()
                  .add(
                      new Chip(
                          new ChannelId(rs.getString("channel_id")),
                          rs.getString("name"),
                          rs.getString("network"),
                          rs.getString("status")));
              return post;
            })
        .list();
    List<Entry> out = new ArrayList<>();
    for (Entry e : posts.values()) {
      out.add(
          new Entry(
              e.id(),
              e.status(),
              e.dueAt(),
              e.text(),
              List.copyOf(e.chips()),
              movable.getOrDefault(e.id().value(), false),
              e.queued()));
    }
    return out;
  }
}
