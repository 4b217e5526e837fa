package dev.chorus.core.alerts;

/**
 * The numbers behind a detection, kept on the alert.
 *
 * @param mean baseline items per window
 * @param sd the baseline's standard deviation per window
 * @param spread the deviation used for the score: the largest of sd, the Poisson sqrt(mean) and 1
 * @param share the window's negative share (negative / count)
 * @param baselineShare the baseline's smoothed negative share, (negative + 1) / (total + 2)
 * @param score standard deviations above the baseline (volume: of the count; surge: of the share)
 * @param firing whether every threshold was passed
 */
public record Finding(
    AlertKind kind,
    long count,
    long negative,
    int baselineWindows,
    double mean,
    double sd,
    double spread,
    double share,
    double baselineShare,
    double score,
    boolean firing) {}
