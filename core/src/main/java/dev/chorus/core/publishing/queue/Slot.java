package dev.chorus.core.publishing.queue;

import dev.chorus.core.error.Invalid;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/** A weekly time at which a channel takes a queued post, in the workspace's zone, to the minute. */
public record Slot(DayOfWeek day, LocalTime time) implements Comparable<Slot> {
  private static final Comparator<Slot> ORDER =
      Comparator.comparing(Slot::day).thenComparing(Slot::time);

  public Slot {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(time, "time");
    time = time.withSecond(0).withNano(0);
  }

  /**
   * A slot from a weekday (1 = Monday … 7 = Sunday, or its English name) and a time as HH:MM.
   *
   * @throws Invalid on field "slots" naming what is wrong
   */
  public static Slot parse(String day, String time) {
    DayOfWeek d;
    try {
      d =
          day.strip().chars().allMatch(Character::isDigit)
              ? DayOfWeek.of(Integer.parseInt(day.strip()))
              : DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new Invalid("slots", "“" + day + "” is not a weekday");
    }
    try {
      return new Slot(d, LocalTime.parse(time.strip()));
    } catch (DateTimeParseException e) {
      throw new Invalid("slots", "“" + time + "” is not a time; write it as 09:30");
    }
  }

  int minuteOfDay() {
    return time.getHour() * 60 + time.getMinute();
  }

  static Slot of(int weekday, int minuteOfDay) {
    return new Slot(DayOfWeek.of(weekday), LocalTime.of(minuteOfDay / 60, minuteOfDay % 60));
  }

  @Override
  public int compareTo(Slot o) {
    return ORDER.compare(this, o);
  }
}
