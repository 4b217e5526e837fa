package dev.chorus.core.alerts;

import java.util.Arrays;

/** What an alert is about. */
public enum AlertKind {
  VOLUME_SPIKE("volume_spike", "Volume spike"),
  NEGATIVE_SURGE("negative_surge", "Negative surge");

  private final String key;
  private final String label;

  AlertKind(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static AlertKind fromKey(String key) {
    return Arrays.stream(values())
        .filter(k -> k.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown alert kind " + key));
  }
}
