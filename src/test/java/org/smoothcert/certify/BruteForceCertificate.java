package org.smoothcert.certify;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The Neyman–Pearson threshold by enumerating every noise outcome on the perturbed coordinates, for
 * tests only. x is all zeros and x' all ones on r_f feature coordinates (domain d_f) and r_l label
 * coordinates (domain c); every outcome z gets its exact probability under x and under x', the
 * outcomes are sorted by likelihood ratio, and the threshold is the x mass at which the x' mass of the
 * best set reaches 1/2. The worst case over all splits r_f + r_l = r is returned.
 */
final class BruteForceCertificate {
  private BruteForceCertificate() {}

  private record Outcome(BigFraction px, BigFraction pxPrime) {}

  static BigFraction threshold(BigFraction beta, int featureDomain, int labelDomain, int r) {
    BigFraction worst = null;
    for (int rf = 0; rf <= r; rf++) {
      int[] domains = new int[r];
      for (int i = 0; i < r; i++) {
        domains[i] = i < rf ? featureDomain : labelDomain;
      }
      BigFraction t = splitThreshold(beta, domains);
      if (worst == null || t.compareTo(worst) > 0) {
        worst = t;
      }
    }
    return worst;
  }

  /**
   * The worst case over every way of spending r coordinates among columns of the given domains (a table's
   * feature columns each with its own, and the label's): every multiset of r domains.
   */
  static BigFraction threshold(BigFraction beta, int[] columnDomains, int r) {
    return worst(beta, columnDomains, new int[r], 0, 0);
  }

  private static BigFraction worst(BigFraction beta, int[] columnDomains, int[] chosen, int filled, int from) {
    if (filled == chosen.length) {
      return splitThreshold(beta, chosen);
    }
    BigFraction worst = null;
    for (int k = from; k < columnDomains.length; k++) {
      chosen[filled] = columnDomains[k];
      BigFraction t = worst(beta, columnDomains, chosen, filled + 1, k);
      if (worst == null || t.compareTo(worst) > 0) {
        worst = t;
      }
    }
    return worst;
  }

  private static BigFraction splitThreshold(BigFraction beta, int[] domains) {
    List<Outcome> outcomes = new ArrayList<>();
    enumerate(beta, domains, 0, BigFraction.ONE, BigFraction.ONE, outcomes);
    // Largest ratio px / px' first; px' = 0 means an infinite ratio.
    outcomes.sort((a, b) -> b.px.multiply(a.pxPrime).compareTo(a.px.multiply(b.pxPrime)));
    BigFraction half = new BigFraction(1, 2);
    BigFraction accX = BigFraction.ZERO;
    BigFraction accXPrime = BigFraction.ZERO;
    for (Outcome o : outcomes) {
      if (accXPrime.add(o.pxPrime).compareTo(half) >= 0) {
        BigFraction needed = half.subtract(accXPrime);
        return accX.add(needed.multiply(o.px).divide(o.pxPrime));
      }
      accX = accX.add(o.px);
      accXPrime = accXPrime.add(o.pxPrime);
    }
    throw new IllegalStateException("probabilities do not sum to 1");
  }

  private static void enumerate(BigFraction beta, int[] domains, int i, BigFraction px, BigFraction pxPrime,
      List<Outcome> out) {
    if (i == domains.length) {
      out.add(new Outcome(px, pxPrime));
      return;
    }
    int d = domains[i];
    BigFraction other = BigFraction.ONE.subtract(beta).divide(d - 1);
    for (int z = 0; z < d; z++) {
      BigFraction underX = z == 0 ? beta : other; // x has value 0 here
      BigFraction underXPrime = z == 1 ? beta : other; // x' has value 1 here
      enumerate(beta, domains, i + 1, px.multiply(underX), pxPrime.multiply(underXPrime), out);
    }
  }
}
