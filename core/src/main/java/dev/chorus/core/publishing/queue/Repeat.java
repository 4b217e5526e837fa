package dev.chorus.core.publishing.queue;

import dev.chorus.core.error.Invalid;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a series repeats: every {@code every} days; every {@code every} weeks on {@code weekdays};
 * or every {@code every} months on the day of month of {@code startsOn} (the last day of a shorter
 * month), at {@code time} in the workspace's zone, from {@code startsOn} on.
 */
public record Repeat(
    Unit unit, int every, Set<DayOfWeek> weekdays, LocalTime time, LocalDate startsOn) {
  public enum Unit {
    DAY,
    WEEK,
    MONTH;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Unit parse(String field, String value) {
      for (Unit u : values()) if (u.key().equals(value)) return u;
      throw new Invalid(field, "repeat every day, week or month");
    }
  }

  public Repeat {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(startsOn, "startsOn");
    if (every < 1 || every > 365) throw new Invalid("every", "repeat every 1 to 365");
    weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    if (unit == Unit.WEEK && weekdays.isEmpty()) {
      throw new Invalid("weekdays", "choose at least one weekday");
    }
    time = time.withSecond(0).withNano(0);
  }

  /** The first occurrence strictly after {@code after}, within ten years. */
  public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
    LocalDate from = after.atZone(zone).toLocalDate();
    if (from.isBefore(startsOn)) from = startsOn;
    LocalDate limit = from.plusYears(10);
    switch (unit) {
      case DAY:
        {
          long k = Math.floorDiv(ChronoUnit.DAYS.between(startsOn, from), every);
          for (LocalDate d = startsOn.plusDays(k * every);
              !d.isAfter(limit);
              d = d.plusDays(every)) {
            Optional<Instant> at = at(d, after, zone);
            if (at.isPresent()) return at;
          }
          return Optional.empty();
        }
      case WEEK:
        {
          LocalDate firstMonday = startsOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          long weeks = ChronoUnit.WEEKS.between(firstMonday, from);
          LocalDate monday = firstMonday.plusWeeks(Math.floorDiv(weeks, every) * every);
          for (; !monday.isAfter(limit); monday = monday.plusWeeks(every)) {
            for (DayOfWeek dow : EnumSet.copyOf(weekdays)) {
              LocalDate d = monday.plusDays(dow.getValue() - 1L);
              if (d.isBefore(startsOn)) continue;
              Optional<Instant> at = at(d, after, zone);
              if (at.isPresent()) return at;
            }
          }
          return Optional.empty();
        }
      default:
        {
          long months =
              ChronoUnit.MONTHS.between(startsOn.withDayOfMonth(1), from.withDayOfMonth(1));
          for (long k = Math.max(0, Math.floorDiv(months, every) * every);
              !startsOn.plusMonths(k).isAfter(limit);
              k += every) {
            Optional<Instant> at = at(startsOn.plusMonths(k), after, zone);
            if (at.isPresent()) return at;
          }
          return Optional.empty();
        }
    }
  }

  private Optional<Instant> at(LocalDate d, Instant after, ZoneId zone) {
    Instant at = ZonedDateTime.of(d, time, zone).toInstant();
    return at.isAfter(after) ? Optional.of(at) : Optional.empty();
  }

  /** The weekdays as ISO digits, "135" for Monday, Wednesday and Friday. */
  public String weekdayDigits() {
    StringBuilder b = new StringBuilder();
    for (DayOfWeek d : weekdays.isEmpty() ? Set.<DayOfWeek>of() : EnumSet.copyOf(weekdays)) {
      b.append(d.getValue());
    }
    return b.toString();
  }

  /** The weekdays in English short form, "Mon, Wed, Fri". */
  public String weekdayNames() {
    StringBuilder b = new StringBuilder();
    for (DayOfWeek d : weekdays.isEmpty() ? Set.<DayOfWeek>of() : EnumSet.copyOf(weekdays)) {
      if (b.length() > 0) b.append(", ");
      b.append(d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
    }
    return b.toString();
  }

  static Set<DayOfWeek> weekdays(String digits) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (char c : digits.toCharArray()) out.add(DayOfWeek.of(c - '0'));
    return out;
  }
}
