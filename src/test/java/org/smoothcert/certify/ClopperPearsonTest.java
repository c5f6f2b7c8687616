package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;
import org.smoothcert.random.SplitMix64;

class ClopperPearsonTest {
  @Test
  void edgeCasesAreExact() {
    assertEquals(0.0, ClopperPearson.lower(0, 100, 0.05));
    assertEquals(Math.nextDown(Math.pow(1e-6, 1.0 / 10_000)), ClopperPearson.lower(10_000, 10_000, 1e-6));
    assertEquals(1.0, ClopperPearson.upper(100, 100, 0.05));
  }

  @Test
  void lowerBoundIsTheAlphaQuantileOfBeta() {
    long[][] cases = {{1, 10}, {5, 10}, {9, 10}, {60, 100}, {9_973, 10_000}, {9_551, 10_000}, {400, 100_000}};
    for (double alpha : new double[] {0.05, 1e-3, 1e-6}) {
      for (long[] c : cases) {
        long k = c[0];
        long n = c[1];
        double p = ClopperPearson.lower(k, n, alpha);
        BetaDistribution beta = new BetaDistribution(null, k, n - k + 1.0, 1e-14);
        assertEquals(beta.inverseCumulativeProbability(alpha), p, 1e-9, "k=" + k + " n=" + n);
        // The largest double whose tail is <= alpha: one ulp up exceeds alpha.
        double tail = Beta.regularizedBeta(p, k, n - k + 1.0, 1e-15, Integer.MAX_VALUE);
        double tailUp = Beta.regularizedBeta(Math.nextUp(p), k, n - k + 1.0, 1e-15, Integer.MAX_VALUE);
        assertTrue(tail <= alpha && tailUp > alpha * (1 - 2e-9), "k=" + k + " n=" + n + ": " + tail + ", " + tailUp);
      }
    }
  }

  @Test
  void boundsGrowWithTheCountAndBracketTheEstimate() {
    double previous = -1;
    for (long k = 0; k <= 200; k++) {
      double lower = ClopperPearson.lower(k, 200, 0.01);
      double upper = ClopperPearson.upper(k, 200, 0.01);
      assertTrue(lower > previous);
      assertTrue(lower <= k / 200.0 && upper >= k / 200.0);
      previous = lower;
    }
  }

  @Test
  void coverageIsAtLeastOneMinusAlpha() {
    // Simulated binomial draws at fixed seed: the bound must exceed the true p in at most ~alpha of them.
    double p = 0.93;
    int n = 200;
    double alpha = 0.05;
    int trials = 20_000;
    SplitMix64 rng = new SplitMix64(2024);
    int misses = 0;
    for (int t = 0; t < trials; t++) {
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (rng.nextDouble() < p) {
          k++;
        }
      }
      if (ClopperPearson.lower(k, n, alpha) > p) {
        misses++;
      }
    }
    // Expected misses <= 1000; allow 4 standard deviations of a Binomial(20000, 0.05).
    assertTrue(misses <= 1000 + 4 * Math.sqrt(trials * alpha * (1 - alpha)), "misses: " + misses);
    assertTrue(misses > 0, "a bound that never misses is too loose to be Clopper-Pearson");
  }
}
