package org.smoothcert.certify;

import org.apache.commons.math3.special.Beta;

/**
 * One-sided Clopper–Pearson bounds on a binomial proportion.
 *
 * <p>The lower bound at confidence 1 - alpha is the alpha quantile of Beta(k, n - k + 1): the p at which
 * P(Bin(n, p) >= k) = I_p(k, n - k + 1) = alpha. It is found here by bisection on the bits of the double
 * (Commons Math's regularized incomplete beta as the oracle), returning the largest double whose
 * tail probability is at most alpha (1 - 1e-9). The margin covers the oracle's own error (about 1e-13
 * relative), so the bound is never above the exact one; it costs a shift of p far below what any
 * radius threshold can notice. Commons Math's
 * {@code BetaDistribution.inverseCumulativeProbability} stops at an absolute accuracy of 1e-9, too
 * coarse near p = 1 where radius thresholds live (r = 2 needs p > 0.99383 at beta = 0.9).
 */
public final class ClopperPearson {
  /** Relative slack on alpha that covers the error of the incomplete beta function. */
  private static final double ORACLE_MARGIN = 1e-9;
  /**
   * The smallest alpha a bound is computed for: below the smallest normal double, alpha * (1 - margin)
   * rounds back to alpha, so the margin that keeps the bound conservative would vanish.
   */
  public static final double SMALLEST_ALPHA = Double.MIN_NORMAL;

  private ClopperPearson() {}

  /** Lower bound on p from k successes in n trials, at confidence 1 - alpha. */
  public static double lower(long k, long n, double alpha) {
    check(k, n, alpha);
    if (k == 0) {
      return 0.0;
    }
    if (k == n) {
      return Math.nextDown(Math.pow(alpha, 1.0 / n)); // pow is within an ulp: step below it
    }
    double target = alpha * (1 - ORACLE_MARGIN);
    // Largest p with I_p(k, n-k+1) <= alpha; I_p is increasing in p.
    long lo = Double.doubleToLongBits(0.0);
    long hi = Double.doubleToLongBits(1.0);
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      double p = Double.longBitsToDouble(mid);
      if (Beta.regularizedBeta(p, k, n - k + 1.0, 1e-15, Integer.MAX_VALUE) <= target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Double.longBitsToDouble(lo);
  }

  /** Upper bound on p from k successes in n trials, at confidence 1 - alpha. */
  public static double upper(long k, long n, double alpha) {
    check(k, n, alpha);
    if (k == n) {
      return 1.0;
    }
    // By symmetry upper(k) = 1 - lower(n - k); one ulp up keeps it conservative after the subtraction.
    return Math.min(1.0, Math.nextUp(1.0 - lower(n - k, n, alpha)));
  }

  private static void check(long k, long n, double alpha) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("k must be in [0, n]: k=" + k + ", n=" + n);
    }
    if (!(alpha >= SMALLEST_ALPHA && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in [" + SMALLEST_ALPHA + ", 1): " + alpha);
    }
  }
}
