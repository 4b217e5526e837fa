package dev.chorus.core.alerts;

/**
 * Decides whether a window is a volume spike or a negative surge against its baseline. Pure and
 * deterministic: the same counts always give the same finding.
 *
 * <p><b>Volume spike.</b> The baseline is the mean μ and standard deviation s of the counts of the
 * same-sized windows before the recent one. Counts of mentions behave roughly like Poisson counts,
 * whose deviation is √μ, so the spread is σ = max(s, √μ, 1): a perfectly steady baseline (s = 0) or
 * an empty one (μ = 0) cannot make a single item look like a crisis. The score is z = (x − μ) / σ.
 * A spike needs all three: x ≥ the rule's minimum count, z ≥ the sensitivity's z, and x ≥ the
 * sensitivity's ratio × μ (so a large, noisy stream needs a real multiple, not a few per cent).
 *
 * <p><b>Negative surge.</b> The share of negative items (VADER compound ≤ −0.05) in the window, p =
 * n / x, against the baseline's share smoothed by Laplace's rule, p₀ = (n₀ + 1) / (x₀ + 2), so an
 * empty or all-positive baseline is not a share of exactly zero. The score is the one-sided
 * binomial z = (p − p₀) / √(p₀(1 − p₀) / x). A surge needs x ≥ the minimum count, n ≥ half of it
 * (at least 1), z ≥ the sensitivity's z, and p − p₀ ≥ the sensitivity's lift.
 *
 * <p>Either kind needs four hours of baseline windows (at least four windows): a query younger than
 * that is still learning what normal is.
 */
public final class Detector {
  /** VADER's conventional boundary for a negative text. */
  public static final double NEGATIVE_COMPOUND = -0.05;

  public Finding volume(Series s, AlertRule rule) {
    long[] b = s.baselineCounts();
    int n = b.length;
    double mean = n == 0 ? 0 : (double) s.baselineTotal() / n;
    double var = 0;
    for (long c : b) var += (c - mean) * (c - mean);
    double sd = n == 0 ? 0 : Math.sqrt(var / n);
    double spread = Math.max(1.0, Math.max(sd, Math.sqrt(mean)));
    double z = (s.count() - mean) / spread;
    Sensitivity k = rule.sensitivity();
    boolean firing =
        n >= minHistory(rule)
            && s.count() >= rule.minCount()
            && z >= k.z()
            && s.count() >= k.ratio() * mean;
    return new Finding(
        AlertKind.VOLUME_SPIKE,
        s.count(),
        s.negative(),
        n,
        mean,
        sd,
        spread,
        share(s),
        baselineShare(s),
        z,
        firing);
  }

  public Finding negative(Series s, AlertRule rule) {
    int n = s.baselineCounts().length;
    double total = s.baselineTotal();
    double mean = n == 0 ? 0 : total / n;
    double p = share(s);
    double p0 = baselineShare(s);
    double z = s.count() == 0 ? 0 : (p - p0) / Math.sqrt(p0 * (1 - p0) / s.count());
    Sensitivity k = rule.sensitivity();
    boolean firing =
        n >= minHistory(rule)
            && s.count() >= rule.minCount()
            && s.negative() >= Math.max(1, (rule.minCount() + 1) / 2)
            && z >= k.z()
            && p - p0 >= k.lift();
    return new Finding(
        AlertKind.NEGATIVE_SURGE, s.count(), s.negative(), n, mean, 0, 0, p, p0, z, firing);
  }

  /** Baseline windows a rule needs: four hours' worth, and never more than the baseline holds. */
  static int minHistory(AlertRule rule) {
    long perFourHours = java.time.Duration.ofHours(4).toMillis() / rule.window().toMillis();
    return (int) Math.min(rule.baselineWindows(), Math.max(4, perFourHours));
  }

  private static double share(Series s) {
    return s.count() == 0 ? 0 : (double) s.negative() / s.count();
  }

  private static double baselineShare(Series s) {
    return (s.baselineNegative() + 1.0) / (s.baselineTotal() + 2.0);
  }
}
