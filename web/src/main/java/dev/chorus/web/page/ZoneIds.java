package dev.chorus.web.page;

import java.time.ZoneId;
import java.util.List;

/** The IANA region ids the zone pickers suggest (a datalist: any valid id may be typed). */
final class ZoneIds {
  static final List<String> ALL =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
          .sorted()
          .toList();

  private ZoneIds() {}
}
