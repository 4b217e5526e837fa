package dev.chorus.core.alerts;

import java.util.Arrays;

/** Where an alert can go besides the app. */
public enum DestinationKind {
  WEBHOOK("webhook", "Webhook"),
  EMAIL("email", "Email");

  private final String key;
  private final String label;

  DestinationKind(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static DestinationKind fromKey(String key) {
    return Arrays.stream(values())
        .filter(k -> k.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown destination kind " + key));
  }
}
