package dev.chorus.core.alerts;

import java.util.Objects;

/**
 * What a rule counted: the recent window and the baseline windows before it.
 *
 * @param count items in the recent window
 * @param negative those of them with a compound sentiment at or below {@link
 *     Detector#NEGATIVE_COMPOUND}
 * @param baselineCounts items in each baseline window, oldest first; only windows that lie wholly
 *     after the scope began (a new query has no history before it existed)
 * @param baselineNegative negative items over all baseline windows
 */
public record Series(long count, long negative, long[] baselineCounts, long baselineNegative) {
  public Series {
    Objects.requireNonNull(baselineCounts, "baselineCounts");
    if (count < 0 || negative < 0 || negative > count)
      throw new IllegalArgumentException("counts must be 0 <= negative <= count");
    baselineCounts = baselineCounts.clone();
  }

  public long baselineTotal() {
    long t = 0;
    for (long c : baselineCounts) t += c;
    return t;
  }
}
