package dev.chorus.core.inbox;

import dev.chorus.core.error.Invalid;
import java.util.Locale;

/** Where a conversation stands: waiting for us, waiting for them, or done. */
public enum Status {
  OPEN("Open"),
  PENDING("Pending"),
  CLOSED("Closed");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Status parse(String field, String value) {
    if (value != null) {
      for (Status s : values())
        if (s.key().equals(value.strip().toLowerCase(Locale.ROOT))) return s;
    }
    throw new Invalid(field, "status must be open, pending or closed");
  }
}
