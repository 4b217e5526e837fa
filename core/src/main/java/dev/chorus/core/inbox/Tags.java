package dev.chorus.core.inbox;

import dev.chorus.core.error.Invalid;
import java.text.Normalizer;
import java.util.Locale;

/** Conversation tags: short, lower-case words such as {@code refund} or {@code bug-report}. */
public final class Tags {
  private Tags() {}

  /** The tag as stored, or an {@link Invalid} naming {@code field}. */
  public static String normalise(String field, String raw) {
    if (raw == null || raw.isBlank()) throw new Invalid(field, "the tag is empty");
    String t =
        Normalizer.normalize(raw.strip(), Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("^#", "")
            .replaceAll("\\s+", "-");
    if (t.length() > 50) throw new Invalid(field, "a tag has at most 50 characters");
    if (!t.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*")) {
      throw new Invalid(field, "a tag is letters, digits, - and _, such as refund or bug-report");
    }
    return t;
  }
}
