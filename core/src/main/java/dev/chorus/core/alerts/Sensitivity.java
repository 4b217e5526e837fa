package dev.chorus.core.alerts;

import dev.chorus.core.error.Invalid;
import java.util.Locale;

/**
 * How easily a rule fires. Each level sets three thresholds (docs/DECISIONS.md):
 *
 * @param z the least score (standard deviations above the baseline) for either kind
 * @param ratio the least ratio of the window's count to the baseline mean, for a volume spike
 * @param lift the least rise of the negative share over the baseline share, for a surge
 */
public enum Sensitivity {
  LOW(4.0, 3.0, 0.20),
  MEDIUM(3.0, 2.0, 0.10),
  HIGH(2.0, 1.5, 0.05);

  private final double z;
  private final double ratio;
  private final double lift;

  Sensitivity(double z, double ratio, double lift) {
    this.z = z;
    this.ratio = ratio;
    this.lift = lift;
  }

  public double z() {
    return z;
  }

  public double ratio() {
    return ratio;
  }

  public double lift() {
    return lift;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return switch (this) {
      case LOW -> "Low (fewer alerts)";
      case MEDIUM -> "Medium";
      case HIGH -> "High (more alerts)";
    };
  }

  public static Sensitivity parse(String field, String value) {
    if (value != null) {
      for (Sensitivity s : values()) if (s.key().equals(value.strip())) return s;
    }
    throw new Invalid(field, "choose low, medium or high");
  }
}
