package dev.chorus.core.alerts;

import dev.chorus.core.error.Invalid;
import java.time.Duration;
import java.util.List;

/**
 * A rule's settings for one scope (a saved query, or the whole workspace).
 *
 * @param window the recent window counted, such as the last 15 minutes
 * @param baseline how far back the baseline reaches before the window (24 hours or 7 days)
 * @param minCount the least number of items in the window before either kind may fire
 * @param coolDown the least time between two alerts of one kind from this rule
 */
public record AlertRule(
    boolean volume,
    boolean negative,
    Duration window,
    Duration baseline,
    Sensitivity sensitivity,
    int minCount,
    Duration coolDown) {
  public static final List<Integer> WINDOW_MINUTES = List.of(5, 15, 30, 60);
  public static final List<Integer> BASELINE_HOURS = List.of(24, 168);
  public static final List<Integer> COOLDOWN_MINUTES = List.of(15, 30, 60, 120, 240, 720, 1440);

  public AlertRule {
    if (window == null || !WINDOW_MINUTES.contains((int) window.toMinutes()))
      throw new Invalid("window", "choose a window of 5, 15, 30 or 60 minutes");
    if (baseline == null || !BASELINE_HOURS.contains((int) baseline.toHours()))
      throw new Invalid("baseline", "choose a baseline of 24 hours or 7 days");
    if (sensitivity == null) throw new Invalid("sensitivity", "choose low, medium or high");
    if (minCount < 1 || minCount > 100_000)
      throw new Invalid("min_count", "the minimum count must be 1 to 100000");
    if (coolDown == null || !COOLDOWN_MINUTES.contains((int) coolDown.toMinutes()))
      throw new Invalid("cooldown", "choose a cool-down of 15 minutes to 24 hours");
  }

  /** A saved query's rule until someone changes it: both kinds on, 15 min against 24 h. */
  public static AlertRule defaults() {
    return new AlertRule(
        true,
        true,
        Duration.ofMinutes(15),
        Duration.ofHours(24),
        Sensitivity.MEDIUM,
        10,
        Duration.ofHours(1));
  }

  /** The workspace-wide rule until someone turns it on: off, so one crisis is one alert. */
  public static AlertRule workspaceDefaults() {
    AlertRule d = defaults();
    return new AlertRule(
        false, false, d.window, d.baseline, d.sensitivity, d.minCount * 2, d.coolDown);
  }

  public boolean enabled(AlertKind kind) {
    return kind == AlertKind.VOLUME_SPIKE ? volume : negative;
  }

  /** The baseline's number of whole windows. */
  public int baselineWindows() {
    return (int) (baseline.toMillis() / window.toMillis());
  }
}
