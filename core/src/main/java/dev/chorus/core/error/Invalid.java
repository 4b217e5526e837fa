package dev.chorus.core.error;

import java.util.Objects;

/** The input is wrong; {@link #field()} names where, the message says what. */
public final class Invalid extends ChorusException {
  private final String field;

  public Invalid(String field, String message) {
    super("invalid", message, null);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The name of the offending field as the client sent it, such as {@code email}. */
  public String field() {
    return field;
  }
}
