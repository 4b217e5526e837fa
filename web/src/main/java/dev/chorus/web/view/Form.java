package dev.chorus.web.view;

import dev.chorus.core.error.Invalid;
import java.util.HashMap;
import java.util.Map;

/** A form's submitted values and its errors by field, for re-rendering with inline errors. */
public final class Form {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> errors = new HashMap<>();

  public static Form empty() {
    return new Form();
  }

  public Form with(String field, String value) {
    if (value != null) values.put(field, value);
    return this;
  }

  /** A form carrying {@code e}'s message on its field. */
  public Form failed(Invalid e) {
    errors.put(e.field(), e.getMessage());
    return this;
  }

  /** A form-level error that belongs to no single field. */
  public Form failed(String message) {
    errors.put("", message);
    return this;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** The error on {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  /** The form-level error, or null. */
  public String general() {
    return errors.get("");
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
