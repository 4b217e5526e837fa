package dev.chorus.core.publishing.queue;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The IANA time zone a workspace plans in: its time slots, its calendar and CSV rows without a
 * zone. A workspace that never chose one plans in UTC.
 */
public final class WorkspaceZone {
  /** UTC as a named zone, so it reads "UTC" rather than "Z". */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public WorkspaceZone(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** The workspace's zone, UTC when none was chosen. */
  public ZoneId of(Handle h, WorkspaceId ws) {
    return h.createQuery("SELECT zone FROM workspace_time_zones WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .mapTo(String.class)
        .findOne()
        .map(ZoneId::of)
        .orElse(UTC);
  }

  /** As above, in its own read. */
  public ZoneId of(WorkspaceId ws) {
    return db.read(h -> of(h, ws));
  }

  /**
   * Sets the workspace's zone (editors and above).
   *
   * @throws Invalid when {@code zone} is not an IANA zone id such as Europe/Paris
   */
  public ZoneId change(Actor actor, String zone) {
    actor.require(Role.EDITOR, "change the workspace's time zone");
    ZoneId z = parse("time_zone", zone);
    db.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE workspace_time_zones SET zone = :zone, updated_at = :now WHERE"
                          + " workspace_id = :ws")
                  .bind("zone", z.getId())
                  .bind("now", clock.millis())
                  .bind("ws", actor.workspace().id().value())
                  .execute();
          if (n == 0) {
            h.createUpdate(
                    "INSERT INTO workspace_time_zones (workspace_id, zone, updated_at) VALUES"
                        + " (:ws, :zone, :now)")
                .bind("zone", z.getId())
                .bind("now", clock.millis())
                .bind("ws", actor.workspace().id().value())
                .execute();
          }
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "publishing.time_zone_changed",
              "workspace:" + actor.workspace().id().value(),
              z.getId());
          return null;
        });
    return z;
  }

  /**
   * An IANA region id (Europe/Paris, America/New_York) or UTC. Offsets such as +02:00 are refused:
   * they do not follow daylight saving time, so weekly slots would drift by an hour.
   *
   * @throws Invalid on {@code field} when it is blank or not a known zone
   */
  public static ZoneId parse(String field, String zone) {
    if (zone == null || zone.isBlank()) throw new Invalid(field, "choose a time zone");
    String z = zone.strip();
    if (z.equals("UTC") || z.equals("Etc/UTC")) return UTC;
    if (!z.contains("/") || z.startsWith("/") || z.endsWith("/")) {
      throw new Invalid(field, "“" + z + "” is not a time zone; use a name such as Europe/Paris");
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new Invalid(
          field, "“" + z + "” is not a known time zone; use a name such as Europe/Paris");
    }
  }

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /**
   * The instant of {@code text} in {@code zone}: a local date and time ("2026-12-01 09:30",
   * "2026-12-01T09:30") or one with an offset ("2026-12-01T09:30:00+01:00", "…Z"). A local time the
   * zone skips (inside a spring-forward gap) is refused rather than moved.
   *
   * @throws Invalid on {@code field} when it is missing, unreadable or does not exist in the zone
   */
  public static Instant at(String field, String text, ZoneId zone) {
    if (text == null || text.isBlank()) throw new Invalid(field, "the date and time are missing");
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // Not with an offset: a local time in the zone.
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(t, LOCAL);
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "“" + t + "” is not a date and time; write 2026-12-01 09:30");
    }
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      throw new Invalid(
          field, t + " does not exist in " + zone.getId() + ": the clocks skip that hour");
    }
    return local.atZone(zone).toInstant();
  }
}
