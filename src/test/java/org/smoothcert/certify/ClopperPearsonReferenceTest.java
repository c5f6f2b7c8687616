package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The bounds against an independent oracle: the binomial tail summed term by term in 60-digit decimal
 * arithmetic, at the exact value of the returned double. The lower bound must have a tail of at most
 * alpha (conservative) and be tight (a slightly larger p exceeds alpha).
 */
class ClopperPearsonReferenceTest {
  private static final MathContext MC = new MathContext(60);

  /** P(Bin(n, p) >= k), exactly up to 60 digits. */
  static BigDecimal upperTail(long k, long n, double p) {
    BigDecimal bp = new BigDecimal(p);
    BigDecimal q = BigDecimal.ONE.subtract(bp);
    // term(i) = C(n, i) p^i q^(n-i), walked from i = n down to k.
    BigDecimal term = bp.pow((int) n, MC);
    BigDecimal sum = term;
    BigDecimal ratio = q.divide(bp, MC);
    for (long i = n; i > k; i--) {
      term = term.multiply(BigDecimal.valueOf(i), MC).divide(BigDecimal.valueOf(n - i + 1), MC).multiply(ratio, MC);
      sum = sum.add(term, MC);
    }
    return sum;
  }

  @Test
  void lowerBoundsAreConservativeAndTight() {
    long[][] cases = {{9_973, 10_000}, {5_239, 10_000}, {9_551, 10_000}, {60, 100}, {1, 10}, {199, 200}};
    for (double alpha : new double[] {0.05, 1e-3, 1e-6}) {
      for (long[] c : cases) {
        double p = ClopperPearson.lower(c[0], c[1], alpha);
        BigDecimal a = new BigDecimal(alpha);
        assertTrue(upperTail(c[0], c[1], p).compareTo(a) <= 0, "k=" + c[0] + " n=" + c[1] + " alpha=" + alpha);
        double above = p * (1 + 1e-8);
        assertTrue(upperTail(c[0], c[1], above).compareTo(a) > 0, "not tight: k=" + c[0] + " n=" + c[1]);
      }
    }
  }

  @Test
  void unanimousVoteIsBelowTheExactRoot() {
    // k = n: P(Bin(n, p) >= n) = p^n must not exceed alpha.
    for (long n : new long[] {100, 10_000, 1_000_000}) {
      double p = ClopperPearson.lower(n, n, 1e-6);
      assertTrue(new BigDecimal(p).pow((int) n, MC).compareTo(new BigDecimal(1e-6)) <= 0, "n=" + n);
    }
  }

  @Test
  void upperBoundsAreConservative() {
    // P(Bin(n, u) <= k) = 1 - P(Bin(n, u) >= k + 1) must not exceed alpha.
    long[][] cases = {{449, 10_000}, {9_551, 10_000}, {3, 100}, {0, 50}};
    for (long[] c : cases) {
      double u = ClopperPearson.upper(c[0], c[1], 1e-3);
      BigDecimal lowerTail = BigDecimal.ONE.subtract(upperTail(c[0] + 1, c[1], u));
      assertTrue(lowerTail.compareTo(new BigDecimal(1e-3)) <= 0, "k=" + c[0] + " n=" + c[1] + ": " + lowerTail);
    }
  }

  @Test
  void displayedThresholdsAreSufficient() {
    // "p_lower must exceed t" is published: every p above t must certify r, so t >= the exact threshold.
    L0Certificate c = L0Certificate.of(0.9, 2, 2);
    for (int r = 1; r <= 5; r++) {
      double t = c.thresholdUp(r);
      assertTrue(new org.apache.commons.math3.fraction.BigFraction(t).compareTo(c.threshold(r)) >= 0, "r=" + r);
      assertTrue(c.radius(Math.nextUp(t)) >= r, "r=" + r);
    }
  }
}
