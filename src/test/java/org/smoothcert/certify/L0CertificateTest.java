package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class L0CertificateTest {
  @Test
  void paperSettingThresholdsDerivedByHand() {
    // beta = 0.9, d = 2. r = 1: regions s = +1 (mass 0.9 under x, 0.1 under x') and s = -1 (0.1, 0.9).
    // Take s = +1 whole (x' mass 0.1), then 0.4 of x' mass from s = -1 at ratio 1/9: p* = 0.9 + 0.4/9 = 17/18.
    L0Certificate c = L0Certificate.of(0.9, 2, 2);
    assertEquals(new BigFraction(1, 2), c.threshold(0));
    assertEquals(new BigFraction(17, 18), c.threshold(1));
    // r = 2: s = 2 (0.81, 0.01), s = 0 (0.18, 0.18), s = -2 (0.01, 0.81); after s = 2 and s = 0 the
    // x' mass is 0.19, the remaining 0.31 costs 0.31 * 0.01 / 0.81 of x mass: p* = 0.99 + 0.31/81.
    assertEquals(new BigFraction(99, 100).add(new BigFraction(31, 8100)), c.threshold(2));
    assertEquals(0.99383, c.thresholdUp(2), 5e-6);
  }

  @ParameterizedTest(name = "beta={0} d_f={1} c={2}")
  @CsvSource({"0.9,2,2", "0.8,2,10", "0.7,3,5", "0.6,4,2", "0.95,5,3", "0.55,2,3", "0.34,3,3", "0.9,10,2"})
  void agreesWithBruteForceOverAllSplits(double beta, int featureDomain, int labelDomain) {
    L0Certificate fast = L0Certificate.of(beta, featureDomain, labelDomain);
    BigFraction exactBeta = new BigFraction(new java.math.BigDecimal(Double.toString(beta)).unscaledValue(),
        java.math.BigInteger.TEN.pow(new java.math.BigDecimal(Double.toString(beta)).scale()));
    int maxR = Math.max(featureDomain, labelDomain) >= 10 ? 3 : 4;
    for (int r = 0; r <= maxR; r++) {
      assertEquals(BruteForceCertificate.threshold(exactBeta, featureDomain, labelDomain, r), fast.threshold(r),
          "r=" + r);
    }
  }

  @Test
  void radiusIsTheLargestRWhoseThresholdIsExceeded() {
    L0Certificate c = L0Certificate.of(0.9, 2, 2);
    assertEquals(L0Certificate.ABSTAIN, c.radius(0.5));
    assertEquals(L0Certificate.ABSTAIN, c.radius(0.2));
    assertEquals(0, c.radius(Math.nextUp(0.5)));
    assertEquals(0, c.radius(17.0 / 18)); // 17/18 as a double is below the exact 17/18
    assertEquals(1, c.radius(Math.nextUp(17.0 / 18)));
    assertEquals(1, c.radius(0.99382));
    assertEquals(2, c.radius(0.99383)); // threshold(2) = 0.9938271...
  }

  @Test
  void radiusIsMonotoneInPLower() {
    L0Certificate c = L0Certificate.of(0.7, 2, 2);
    int previous = L0Certificate.ABSTAIN;
    for (double p = 0.3; p <= 1.0; p += 0.0005) {
      int r = c.radius(p);
      assertTrue(r >= previous, "radius fell at p=" + p);
      previous = r;
    }
    assertTrue(previous > 5, "a p_lower near 1 at beta=0.7 certifies a sizeable radius, got " + previous);
  }

  @Test
  void thresholdsIncreaseWithRAndWithBeta() {
    // More noise (smaller beta) certifies more: each threshold grows with beta.
    double[] betas = {0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
    for (int d : new int[] {2, 3, 10}) {
      for (int r = 1; r <= 8; r++) {
        for (int i = 0; i + 1 < betas.length; i++) {
          BigFraction lower = L0Certificate.of(betas[i], d, d).threshold(r);
          BigFraction higher = L0Certificate.of(betas[i + 1], d, d).threshold(r);
          assertTrue(lower.compareTo(higher) < 0, "d=" + d + " r=" + r + " beta " + betas[i]);
        }
        L0Certificate c = L0Certificate.of(0.8, d, d);
        assertTrue(c.threshold(r - 1).compareTo(c.threshold(r)) < 0, "d=" + d + " r=" + r);
      }
    }
  }

  @Test
  void mixedDomainsUseTheLargerDomainAndEqualDomainsReduceToOne() {
    assertEquals(L0Certificate.of(0.8, 10, 10).threshold(5), L0Certificate.of(0.8, 2, 10).threshold(5));
    assertEquals(L0Certificate.of(0.8, 10, 10).threshold(5), L0Certificate.of(0.8, 10, 2).threshold(5));
    assertTrue(L0Certificate.of(0.8, 2, 2).threshold(5).compareTo(L0Certificate.of(0.8, 2, 10).threshold(5)) < 0);
  }

  /**
   * A table's columns each have their own domain: whichever columns (and labels) an attacker changes, the
   * certificate of the largest domain is never optimistic, and it is the worst case itself.
   */
  @Test
  void columnsOfSeveralDomainsAreCoveredByTheLargest() {
    int[] domains = {2, 3, 5, 2};
    BigFraction beta = new BigFraction(3, 4);
    for (int r = 1; r <= 3; r++) {
      BigFraction worst = BruteForceCertificate.threshold(beta, domains, r);
      assertEquals(L0Certificate.of(0.75, 5, 2).threshold(r), worst, "r=" + r);
      assertTrue(L0Certificate.of(0.75, 3, 2).threshold(r).compareTo(worst) < 0,
          "a smaller domain than the largest would overstate the radius, r=" + r);
    }
  }

  @Test
  void largeRadiiStayExactAndBelowOne() {
    L0Certificate wide = L0Certificate.of(0.55, 2, 2);
    BigFraction previous = wide.threshold(0);
    for (int r = 1; r <= 1000; r++) {
      BigFraction t = wide.threshold(r);
      assertTrue(t.compareTo(previous) > 0 && t.compareTo(BigFraction.ONE) < 0, "r=" + r);
      previous = t;
    }
    assertEquals(1000, wide.radius(1.0));
    int r = wide.radius(0.999);
    assertTrue(r > 100 && r < 1000, "beta=0.55 at p=0.999: " + r);
    assertTrue(wide.threshold(r).compareTo(new BigFraction(0.999)) < 0);
    assertTrue(wide.threshold(r + 1).compareTo(new BigFraction(0.999)) >= 0);

    L0Certificate fine = L0Certificate.of(0.999, 256, 256);
    BigFraction t300 = fine.threshold(300);
    assertTrue(t300.compareTo(fine.threshold(299)) > 0 && t300.compareTo(BigFraction.ONE) < 0);
  }

  @Test
  void rejectsParametersOutsideTheirRange() {
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(1.0, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(0.0, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(0.5, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(0.9, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(0.9, 2, 257));
    assertThrows(IllegalArgumentException.class, () -> L0Certificate.of(0.9, 2, 2).radius(1.5));
  }
}
