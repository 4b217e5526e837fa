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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The weekly time slots of each channel: reading them, and replacing a channel's (editors). */
public final class QueueSlots {
  /** The most slots one channel may have (a post every hour, every day). */
  public static final int MAX_PER_CHANNEL = 168;

  private final Database db;
  private final ChannelStore channels;
  private final AuditLog audit;
  private final Supplier<String> ids;

  public QueueSlots(Database db, ChannelStore channels, AuditLog audit, Supplier<String> ids) {
    this.db = db;
    this.channels = channels;
    this.audit = audit;
    this.ids = ids;
  }

  /** Every channel's slots in the workspace, in weekly order; channels without slots are absent. */
  public Map<ChannelId, List<Slot>> all(Handle h, WorkspaceId ws) {
    Map<ChannelId, List<Slot>> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT channel_id, weekday, minute_of_day FROM queue_slots WHERE workspace_id = :ws"
                + " ORDER BY channel_id, weekday, minute_of_day")
        .bind("ws", ws.value())
        .map(
            (rs, ctx) ->
                Map.entry(new ChannelId(rs.getString(1)), Slot.of(rs.getInt(2), rs.getInt(3))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /**
   * The slots that every one of {@code chosen} has: a queued post goes to all its channels at once,
   * so it waits for a time they share.
   */
  public TreeSet<Slot> shared(Handle h, WorkspaceId ws, Collection<ChannelId> chosen) {
    Map<ChannelId, List<Slot>> all = all(h, ws);
    TreeSet<Slot> out = null;
    for (ChannelId c : chosen) {
      List<Slot> mine = all.getOrDefault(c, List.of());
      if (out == null) out = new TreeSet<>(mine);
      else out.retainAll(mine);
    }
    return out == null ? new TreeSet<>() : out;
  }

  /**
   * Replaces {@code channel}'s slots with {@code slots} (duplicates count once).
   *
   * @throws NotFound when the channel is not the workspace's
   * @throws Invalid when there are more than {@link #MAX_PER_CHANNEL}
   */
  public void replace(Actor actor, ChannelId channel, Collection<Slot> slots) {
    actor.require(Role.EDITOR, "change time slots");
    TreeSet<Slot> unique = new TreeSet<>(slots);
    if (unique.size() > MAX_PER_CHANNEL) {
      throw new Invalid("slots", "at most " + MAX_PER_CHANNEL + " slots per channel");
    }
    WorkspaceId ws = actor.workspace().id();
    db.inTransaction(
        h -> {
          var c = channels.find(h, ws, channel).orElseThrow(() -> new NotFound("no such channel"));
          h.createUpdate("DELETE FROM queue_slots WHERE channel_id = :c")
              .bind("c", channel.value())
              .execute();
          for (Slot s : unique) {
            h.createUpdate(
                    "INSERT INTO queue_slots (id, workspace_id, channel_id, weekday, minute_of_day)"
                        + " VALUES (:id, :ws, :c, :d, :m)")
                .bind("id", ids.get())
                .bind("ws", ws.value())
                .bind("c", channel.value())
                .bind("d", s.day().getValue())
                .bind("m", s.minuteOfDay())
                .execute();
          }
          int n =
              h.createUpdate("UPDATE queue_locks SET version = version + 1 WHERE channel_id = :c")
                  .bind("c", channel.value())
                  .execute();
          if (n == 0) {
            h.createUpdate("INSERT INTO queue_locks (channel_id, version) VALUES (:c, 0)")
                .bind("c", channel.value())
                .execute();
          }
          audit.record(
              h,
              ws,
              actor.who(),
              "queue.slots_changed",
              "channel:" + channel.value(),
              c.name()
                  + ": "
                  + unique.stream()
                      .map(s -> s.day().getValue() + "@" + s.time())
                      .collect(Collectors.joining(" ")));
          return null;
        });
  }
}
