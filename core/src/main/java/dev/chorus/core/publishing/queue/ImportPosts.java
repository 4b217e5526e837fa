package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.PostLength;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports scheduled posts from CSV. The first row names the columns: {@code channels} (names or
 * ids, separated by ";" or "|"), {@code text}, {@code due} (local date and time, "2026-12-01 09:30"
 * or "2026-12-01T09:30", or with an offset), {@code time_zone} (optional IANA zone, else the
 * workspace's) and {@code content_warning} (optional). The good rows are scheduled, each in its own
 * transaction; each bad row is reported with its row number (the header is row 1) and reason, and
 * never stops the others.
 */
public final class ImportPosts {
  /** The largest file accepted. */
  public static final int MAX_BYTES = 1_000_000;

  /** The most rows in one file. */
  public static final int MAX_ROWS = 1000;

  /** A row that was not imported. */
  public record RowError(int row, String field, String reason) {}

  /** A row that was scheduled. */
  public record Imported(int row, PostId post, Instant dueAt) {}

  /** What happened to every row. */
  public record Result(List<Imported> imported, List<RowError> errors) {}

  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final WorkspaceZone zones;
  private final SchedulePost schedule;
  private final AuditLog audit;
  private final Clock clock;

  public ImportPosts(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      WorkspaceZone zones,
      SchedulePost schedule,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.zones = zones;
    this.schedule = schedule;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Imports {@code csv} (editors and above).
   *
   * @throws Invalid on "file" when the file is too large, unreadable, or lacks a needed column
   */
  public Result run(Actor actor, String csv) {
    actor.require(Role.EDITOR, "import posts");
    if (csv == null || csv.isBlank()) throw new Invalid("file", "the file is empty");
    if (csv.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new Invalid("file", "the file is larger than 1 MB; split it");
    }
    List<CsvReader.Row> rows = CsvReader.read(csv);
    if (rows.size() - 1 > MAX_ROWS) {
      throw new Invalid("file", "the file has more than " + MAX_ROWS + " rows; split it");
    }
    Map<String, Integer> columns = columns(rows.get(0).fields());
    List<Channel> all = db.read(h -> channels.list(h, actor.workspace().id()));
    ZoneId workspaceZone = zones.of(actor.workspace().id());
    Map<String, ChannelLimits> limits = new HashMap<>();
    List<Imported> imported = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> f = rows.get(r).fields();
      if (f.stream().allMatch(String::isBlank)) continue;
      int rowNumber = r + 1;
      try {
        Row row = row(f, columns, all, workspaceZone, limits);
        PostId post =
            db.inTransaction(
                h -> {
                  PostId p =
                      schedule.schedule(
                          h,
                          actor.workspace().id(),
                          actor.user().id().value(),
                          row.dueAt(),
                          row.variants());
                  return p;
                });
        imported.add(new Imported(rowNumber, post, row.dueAt()));
      } catch (Invalid e) {
        errors.add(new RowError(rowNumber, e.field(), e.getMessage()));
      }
    }
    if (!imported.isEmpty()) schedule.scheduled();
    db.inTransaction(
        h -> {
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "posts.imported",
              "csv",
              imported.size() + " imported, " + errors.size() + " refused");
          return null;
        });
    return new Result(imported, errors);
  }

  private record Row(Instant dueAt, List<SchedulePost.Variant> variants) {}

  private static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
      String key =
          switch (name) {
            case "channel", "channels" -> "channels";
            case "text", "body", "post" -> "text";
            case "due", "due_at", "date", "when", "datetime", "date_time" -> "due";
            case "time_zone", "timezone", "zone", "tz" -> "zone";
            case "content_warning", "cw", "spoiler" -> "cw";
            default -> null;
          };
      if (key != null) out.putIfAbsent(key, i);
    }
    for (String needed : List.of("channels", "text", "due")) {
      if (!out.containsKey(needed)) {
        throw new Invalid(
            "file",
            "the first row must name the columns; “"
                + needed
                + "” is missing (columns: channels, text, due, time_zone, content_warning)");
      }
    }
    return out;
  }

  private Row row(
      List<String> f,
      Map<String, Integer> columns,
      List<Channel> all,
      ZoneId workspaceZone,
      Map<String, ChannelLimits> limits) {
    String text = cell(f, columns, "text").strip();
    if (text.isEmpty()) throw new Invalid("text", "the text is missing");
    String cw = cell(f, columns, "cw").strip();
    String zoneText = cell(f, columns, "zone").strip();
    ZoneId zone = zoneText.isEmpty() ? workspaceZone : WorkspaceZone.parse("time_zone", zoneText);
    Instant due = due(cell(f, columns, "due").strip(), zone);
    if (!due.isAfter(clock.instant())) {
      throw new Invalid("due", "the time " + cell(f, columns, "due").strip() + " is in the past");
    }
    List<SchedulePost.Variant> variants = new ArrayList<>();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String n : cell(f, columns, "channels").split("[;|]")) {
      if (!n.isBlank()) names.add(n.strip());
    }
    if (names.isEmpty()) throw new Invalid("channels", "no channel is named");
    for (String n : names) {
      Channel c = channel(all, n);
      ChannelLimits l = limits.computeIfAbsent(c.id().value(), k -> limits(c));
      int length = PostLength.count(text, l);
      if (length > l.maxLength()) {
        throw new Invalid(
            "text",
            "too long for "
                + c.name()
                + ": "
                + length
                + " characters, "
                + c.network().label()
                + " takes "
                + l.maxLength());
      }
      variants.add(new SchedulePost.Variant(c.id(), text, cw.isEmpty() ? null : cw));
    }
    return new Row(due, variants);
  }

  private static String cell(List<String> f, Map<String, Integer> columns, String key) {
    Integer i = columns.get(key);
    return i == null || i >= f.size() ? "" : f.get(i);
  }

  private static Channel channel(List<Channel> all, String name) {
    for (Channel c : all) {
      if (c.id().value().equals(name) || c.name().equalsIgnoreCase(name)) {
        if (c.disconnectedAt() != null) {
          throw new Invalid("channels", "the channel " + c.name() + " is disconnected");
        }
        return c;
      }
    }
    throw new Invalid("channels", "unknown channel “" + name + "”");
  }

  private ChannelLimits limits(Channel c) {
    String sealed = db.read(h -> channels.sealedSecret(h, c.id())).orElse(null);
    try {
      return connectors.open(c, sealed == null ? null : secrets.open(c.id(), sealed)).limits();
    } catch (RuntimeException e) {
      throw new Invalid(
          "channels", "the channel " + c.name() + " cannot be read: " + e.getMessage());
    }
  }

  /** A due time in {@code zone}: see {@link WorkspaceZone#at}. */
  static Instant due(String text, ZoneId zone) {
    return WorkspaceZone.at("due", text, zone);
  }
}
