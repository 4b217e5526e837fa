package dev.chorus.core.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * The cool-down: a crisis is one alert, not a storm. Per rule and kind, an episode runs from the
 * first firing evaluation until the rule has been quiet for longer than its window. The first
 * firing of an episode alerts unless the previous alert of that rule and kind is younger than the
 * cool-down; while the episode goes on, one "still going" follow-up is sent per cool-down period.
 * Pure: the caller stores the returned episode.
 */
public final class CoolDown {
  private CoolDown() {}

  /** Where an episode stands; {@code lastAlertAt} may be before {@code startedAt}. */
  public record Episode(Instant startedAt, Instant lastFiringAt, Instant lastAlertAt) {}

  /**
   * @param next the episode to store (unchanged when nothing fired)
   * @param alert whether to record an alert now
   * @param followUp whether that alert follows an earlier alert of the same episode
   */
  public record Decision(Episode next, boolean alert, boolean followUp) {}

  /**
   * @param previous the stored episode, or null when this rule and kind never fired
   */
  public static Decision decide(
      Episode previous, boolean firing, Instant now, Duration window, Duration coolDown) {
    if (!firing) return new Decision(previous, false, false);
    boolean ended =
        previous == null || Duration.between(previous.lastFiringAt(), now).compareTo(window) > 0;
    if (ended) {
      if (previous != null
          && Duration.between(previous.lastAlertAt(), now).compareTo(coolDown) < 0) {
        // A new episode inside the cool-down of the last alert: stays quiet for now.
        return new Decision(new Episode(now, now, previous.lastAlertAt()), false, false);
      }
      return new Decision(new Episode(now, now, now), true, false);
    }
    if (Duration.between(previous.lastAlertAt(), now).compareTo(coolDown) >= 0) {
      // The episode outlived the cool-down: one follow-up if it was announced, else its first.
      boolean announced = !previous.lastAlertAt().isBefore(previous.startedAt());
      return new Decision(new Episode(previous.startedAt(), now, now), true, announced);
    }
    return new Decision(
        new Episode(previous.startedAt(), now, previous.lastAlertAt()), false, false);
  }
}
