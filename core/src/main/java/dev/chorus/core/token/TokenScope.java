package dev.chorus.core.token;

import dev.chorus.core.error.Invalid;

/** What a token may do: read only, or read and write (within its owner's role). */
public enum TokenScope {
  READ,
  WRITE;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TokenScope parse(String field, String value) {
    if ("read".equals(value)) return READ;
    if ("write".equals(value)) return WRITE;
    throw new Invalid(field, "scope must be read or write");
  }
}
