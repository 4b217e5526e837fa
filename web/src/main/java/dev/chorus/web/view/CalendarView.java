package dev.chorus.web.view;

import dev.chorus.core.publishing.queue.CalendarPosts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A week or a month of posts, laid out in the workspace's zone: days (and, in the week, hours) with
 * the posts due in them. Built for the template; holds no behaviour beyond layout.
 */
public record CalendarView(
    String view,
    String title,
    LocalDate date,
    LocalDate previous,
    LocalDate next,
    LocalDate today,
    String zone,
    List<Day> days,
    boolean canMove,
    int posts) {

  /** A post placed in the zone: its local date and time, and a short excerpt of its text. */
  public record Item(CalendarPosts.Entry entry, LocalDate date, LocalTime time, String excerpt) {
    public String id() {
      return entry.id().value();
    }

    public String status() {
      return entry.status();
    }

    /** The local date and time for a datetime-local field, 2026-12-01T09:30. */
    public String local() {
      return LocalDateTime.of(date, time).format(INPUT);
    }

    public String timeLabel() {
      return time.format(HOUR_MINUTE);
    }
  }

  /** A day: in the week view, {@code hours} holds its posts per hour (0–23). */
  public record Day(
      LocalDate date, boolean inPeriod, boolean today, List<Item> items, List<List<Item>> hours) {
    public String label() {
      return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
          + " "
          + date.getDayOfMonth();
    }

    public String longLabel() {
      return date.format(LONG);
    }
  }

  /** The instants a view covers: [from, to). */
  public record Range(LocalDate first, LocalDate last, Instant from, Instant to) {}

  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

  /** The days a view of {@code date} shows: a Monday-to-Sunday week, or the weeks of a month. */
  public static Range range(String view, LocalDate date, ZoneId zone) {
    LocalDate first;
    LocalDate last;
    if ("month".equals(view)) {
      first = date.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      last =
          date.with(TemporalAdjusters.lastDayOfMonth())
              .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    } else {
      first = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      last = first.plusDays(6);
    }
    return new Range(
        first,
        last,
        first.atStartOfDay(zone).toInstant(),
        last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public static Item item(CalendarPosts.Entry e, ZoneId zone) {
    LocalDateTime t = e.dueAt().atZone(zone).toLocalDateTime();
    String text = e.text().strip().replaceAll("\\s+", " ");
    int cut = text.offsetByCodePoints(0, Math.min(80, text.codePointCount(0, text.length())));
    return new Item(
        e,
        t.toLocalDate(),
        t.toLocalTime(),
        cut < text.length() ? text.substring(0, cut) + "…" : text);
  }

  public static CalendarView build(
      String view,
      LocalDate date,
      LocalDate today,
      ZoneId zone,
      List<CalendarPosts.Entry> entries,
      boolean canMove) {
    Range r = range(view, date, zone);
    List<Item> items = entries.stream().map(e -> item(e, zone)).toList();
    List<Day> days = new ArrayList<>();
    boolean week = !"month".equals(view);
    for (LocalDate d = r.first(); !d.isAfter(r.last()); d = d.plusDays(1)) {
      LocalDate day = d;
      List<Item> mine = items.stream().filter(i -> i.date().equals(day)).toList();
      List<List<Item>> hours = new ArrayList<>();
      if (week) {
        for (int hr = 0; hr < 24; hr++) {
          int hour = hr;
          hours.add(mine.stream().filter(i -> i.time().getHour() == hour).toList());
        }
      }
      boolean inPeriod = week || d.getMonth() == date.getMonth();
      days.add(new Day(d, inPeriod, d.equals(today), mine, hours));
    }
    String title =
        week
            ? r.first().format(DAY) + " – " + r.last().format(DAY)
            : date.withDayOfMonth(1).format(MONTH);
    LocalDate prev = week ? date.minusWeeks(1) : date.minusMonths(1).withDayOfMonth(1);
    LocalDate next = week ? date.plusWeeks(1) : date.plusMonths(1).withDayOfMonth(1);
    return new CalendarView(
        week ? "week" : "month",
        title,
        date,
        prev,
        next,
        today,
        zone.getId(),
        days,
        canMove,
        items.size());
  }

  /** The hours of a day, for the week grid's rows. */
  public List<Integer> hourRows() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) out.add(i);
    return out;
  }

  public static String hourLabel(int hour) {
    return (hour < 10 ? "0" : "") + hour + ":00";
  }
}
