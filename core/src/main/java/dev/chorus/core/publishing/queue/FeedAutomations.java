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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Feeds whose new entries become posts: defining, listing and deleting them (editors and above).
 * {@link PollFeedAutomations} reads them.
 */
public final class FeedAutomations {
  /** What a new entry becomes. */
  public enum Mode {
    /** Added to the queue at its channels' next free slot. */
    QUEUE,
    /** Saved as a draft for someone to edit and schedule from the composer. */
    DRAFT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String field, String value) {
      for (Mode m : values()) if (m.key().equals(value)) return m;
      throw new Invalid(field, "choose what new entries become");
    }
  }

  /** How often a feed may be read, in minutes. */
  public static final List<Integer> INTERVALS = List.of(15, 30, 60, 180, 720);

  /** The most entries the first poll takes (the newest ones); the rest are passed over. */
  public static final int MAX_FIRST_POLL = 3;

  /**
   * What an automation is. {@code template}: the post's text, with {title} and {link} replaced by
   * the entry's. {@code firstPoll}: how many of the newest entries the first poll takes, 0 to 3.
   */
  public record Spec(
      String name,
      String feedUrl,
      Mode mode,
      String template,
      List<ChannelId> channels,
      int firstPoll,
      int intervalMinutes) {
    public Spec {
      Objects.requireNonNull(mode, "mode");
      if (name == null || name.isBlank()) throw new Invalid("name", "give the automation a name");
      if (feedUrl == null || feedUrl.isBlank())
        throw new Invalid("feed_url", "give the feed's address");
      feedUrl = feedUrl.strip();
      URI u;
      try {
        u = URI.create(feedUrl);
      } catch (IllegalArgumentException e) {
        throw new Invalid("feed_url", "that is not a web address");
      }
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
        throw new Invalid("feed_url", "the feed's address starts with https:// or http://");
      }
      if (template == null || template.isBlank()) {
        throw new Invalid("template", "write the post's template, such as {title} {link}");
      }
      if (!template.contains("{title}") && !template.contains("{link}")) {
        throw new Invalid("template", "the template needs {title} or {link}");
      }
      channels = List.copyOf(new LinkedHashSet<>(channels));
      if (channels.isEmpty()) throw new Invalid("channels", "choose at least one channel");
      if (firstPoll < 0 || firstPoll > MAX_FIRST_POLL) {
        throw new Invalid("first_poll", "the first read takes 0 to " + MAX_FIRST_POLL + " entries");
      }
      if (!INTERVALS.contains(intervalMinutes)) {
        throw new Invalid("interval", "read it every 15, 30, 60, 180 or 720 minutes");
      }
    }
  }

  /** A stored automation; {@code lastPolledAt} and {@code lastError} may be null. */
  public record Automation(
      String id,
      WorkspaceId workspace,
      String createdBy,
      Spec spec,
      boolean polled,
      Instant nextPollAt,
      Instant lastPolledAt,
      String lastError,
      int posts) {}

  private final Database db;
  private final ChannelStore channels;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public FeedAutomations(
      Database db, ChannelStore channels, AuditLog audit, Supplier<String> ids, Clock clock) {
    this.db = db;
    this.channels = channels;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** Defines an automation; its first poll is due at once. */
  public String create(Actor actor, Spec spec) {
    actor.require(Role.EDITOR, "create feed automations");
    WorkspaceId ws = actor.workspace().id();
    String id = ids.get();
    db.inTransaction(
        h -> {
          for (ChannelId c : spec.channels()) {
            var ch =
                channels
                    .find(h, ws, c)
                    .orElseThrow(() -> new Invalid("channels", "no such channel: " + c));
            if (ch.disconnectedAt() != null) {
              throw new Invalid("channels", "the channel " + ch.name() + " is disconnected");
            }
          }
          long now = clock.millis();
          h.createUpdate(
                  "INSERT INTO feed_automations (id, workspace_id, created_by, name, feed_url,"
                      + " mode, template, channel_ids, first_poll, interval_minutes, enabled,"
                      + " polled, next_poll_at, created_at) VALUES (:id, :ws, :by, :name, :url,"
                      + " :mode, :template, :channels, :first, :interval, 1, 0, :now, :now)")
              .bind("id", id)
              .bind("ws", ws.value())
              .bind("by", actor.user().id().value())
              .bind("name", spec.name().strip())
              .bind("url", spec.feedUrl())
              .bind("mode", spec.mode().key())
              .bind("template", spec.template())
              .bind(
                  "channels",
                  String.join(",", spec.channels().stream().map(ChannelId::value).toList()))
              .bind("first", spec.firstPoll())
              .bind("interval", spec.intervalMinutes())
              .bind("now", now)
              .execute();
          audit.record(
              h,
              ws,
              actor.who(),
              "feed_automation.created",
              "feed_automation:" + id,
              spec.feedUrl());
          return null;
        });
    return id;
  }

  /** The workspace's automations, by name. */
  public List<Automation> list(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT a.*, (SELECT COUNT(*) FROM feed_automation_entries e WHERE e.automation_id ="
                + " a.id AND e.post_id IS NOT NULL) AS posts FROM feed_automations a WHERE"
                + " a.workspace_id = :ws ORDER BY a.name, a.id")
        .bind("ws", ws.value())
        .map(AUTOMATION)
        .list();
  }

  /** The enabled automations due at {@code now}, at most {@code max}. */
  List<Automation> due(Handle h, Instant now, int max) {
    return h.createQuery(
            "SELECT a.*, 0 AS posts FROM feed_automations a WHERE a.enabled = 1 AND"
                + " a.next_poll_at <= :now ORDER BY a.next_poll_at LIMIT :max")
        .bind("now", now.toEpochMilli())
        .bind("max", max)
        .map(AUTOMATION)
        .list();
  }

  /** Deletes an automation; the posts it made stay. */
  public void delete(Actor actor, String id) {
    actor.require(Role.EDITOR, "delete feed automations");
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate("DELETE FROM feed_automations WHERE id = :id AND workspace_id = :ws")
                  .bind("id", id)
                  .bind("ws", actor.workspace().id().value())
                  .execute();
          if (n == 0) throw new NotFound("no such automation");
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "feed_automation.deleted",
              "feed_automation:" + id,
              null);
          return null;
        });
  }

  private static final RowMapper<Automation> AUTOMATION =
      (rs, ctx) -> {
        List<ChannelId> chans = new ArrayList<>();
        for (String c : rs.getString("channel_ids").split(",")) chans.add(new ChannelId(c));
        Object last = rs.getObject("last_polled_at");
        return new Automation(
            rs.getString("id"),
            new WorkspaceId(rs.getString("workspace_id")),
            rs.getString("created_by"),
            new Spec(
                rs.getString("name"),
                rs.getString("feed_url"),
                Mode.parse("mode", rs.getString("mode")),
                rs.getString("template"),
                chans,
                rs.getInt("first_poll"),
                rs.getInt("interval_minutes")),
            rs.getInt("polled") == 1,
            Instant.ofEpochMilli(rs.getLong("next_poll_at")),
            last == null ? null : Instant.ofEpochMilli(((Number) last).longValue()),
            rs.getString("last_error"),
            rs.getInt("posts"));
      };
}
