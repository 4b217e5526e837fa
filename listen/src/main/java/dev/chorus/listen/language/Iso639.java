package dev.chorus.listen.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** ISO 639-2/T three-letter codes to ISO 639-1 two-letter codes, from the JDK's own tables. */
final class Iso639 {

  private Iso639() {}

  static Map<String, String> threeToTwo() {
    Map<String, String> map = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        map.put(new Locale(two).getISO3Language(), two);
      } catch (MissingResourceException e) {
        // A two-letter code the JDK cannot map has no three-letter form to look up.
      }
    }
    return Map.copyOf(map);
  }
}
