package dev.chorus.core.publishing;

import dev.chorus.core.error.Invalid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The instant a post is due, from the local date and time its author typed and their IANA time zone
 * (the browser's, or UTC). A time in the past, an unknown zone or a malformed date is refused with
 * a message that says which.
 */
public final class DueTime {
  private DueTime() {}

  /**
   * @param local "2026-12-01T09:30" (seconds optional), as an HTML datetime-local field sends it
   * @param zone an IANA zone such as "Europe/Paris"; blank means UTC
   * @throws Invalid (field {@code due_at} or {@code time_zone})
   */
  public static Instant parse(String local, String zone, Clock clock) {
    ZoneId z = zone(zone);
    if (local == null || local.isBlank()) throw new Invalid("due_at", "choose a date and time");
    LocalDateTime t;
    try {
      t = LocalDateTime.parse(local.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(
          "due_at", "'" + local.strip() + "' is not a date and time like 2026-12-01T09:30");
    }
    Instant at = t.atZone(z).toInstant();
    if (at.isBefore(clock.instant())) {
      throw new Invalid(
          "due_at", local.strip() + " in " + z.getId() + " is in the past; choose a later time");
    }
    return at;
  }

  /** The zone named {@code zone} (UTC when blank). */
  public static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) return ZoneId.of("UTC");
    String id = zone.strip();
    // Offsets like "+02:00" are zones to Java but not what the composer asks for: a place's rules.
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new Invalid(
          "time_zone", "'" + id + "' is not a time zone; use a name like Europe/Paris or UTC");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new Invalid("time_zone", "'" + id + "' is not a time zone");
    }
  }
}
