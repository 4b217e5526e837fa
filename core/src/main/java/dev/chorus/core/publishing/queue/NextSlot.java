package dev.chorus.core.publishing.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the next free slot: the first instant after a moment at which a weekly slot falls, in a
 * zone, that is not taken. Local times follow the zone's rules: a slot inside a spring-forward gap
 * (02:30 on a day that skips from 02:00 to 03:00) falls at the same distance after the gap, 03:30;
 * a slot in the hour a fall-back repeats falls once, at its first (summer-time) occurrence.
 */
public final class NextSlot {
  /** How far ahead a queue looks for a free slot. */
  public static final int HORIZON_DAYS = 366;

  private NextSlot() {}

  /**
   * The first instant strictly after {@code after} at one of {@code slots} that is not in {@code
   * taken}, within {@link #HORIZON_DAYS}.
   */
  public static Optional<Instant> after(
      Collection<Slot> slots, ZoneId zone, Instant after, Set<Instant> taken) {
    if (slots.isEmpty()) return Optional.empty();
    List<Slot> ordered = slots.stream().sorted().toList();
    LocalDate day = after.atZone(zone).toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
      for (Slot s : ordered) {
        if (s.day() != day.getDayOfWeek()) continue;
        Instant at = ZonedDateTime.of(day, s.time(), zone).toInstant();
        if (at.isAfter(after) && !taken.contains(at)) return Optional.of(at);
      }
    }
    return Optional.empty();
  }
}
