package org.smoothcert.certify;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * BagFlip's published computation, rewritten here from its formulas (the public reference code's
 * {@code FlipBoundCalculator} in {@code utils/cal_bound.py}) so that its answers can be compared with
 * {@link BagFlipCertificate}; no line of it is copied. Its parameters: every coordinate has K + 1 values
 * (keep probability Ia, each other value Ib = (1 - Ia) / K), a training example has d coordinates
 * (features and the label, the label being one of them), of which {@code trainChanged} are changed
 * by the attacker; the test input has d - 1 coordinates of which {@code testChanged} are changed.
 *
 * <p>Its distinguishing choices, kept here: the outcome counts are taken over <i>all</i> d coordinates
 * of an example by counting (m = coordinates where the noised example differs from the clean one, n = from
 * the poisoned one; weights Ia^(d - m) Ib^m and Ia^(d - n) Ib^n), not over the changed ones only; a bag
 * with i poisoned entries convolves the test's counts with i copies of the example's; the regions are
 * walked by delta = m - n ascending (ratio (Ib / Ia)^delta descending) and, within one delta, by i; the
 * radius is found by doubling then bisection over R; the p_A threshold table by 13 bisection steps.
 */
final class ReferenceBagFlipBound {
  private final BigFraction ia;
  private final BigFraction ib;
  private final int n;
  private final int k;
  private final int d;
  /** ps[i][delta + (i + 1) d], qs likewise: the test's counts convolved with i examples'. */
  private final BigFraction[][] ps;
  private final BigFraction[][] qs;

  ReferenceBagFlipBound(BigFraction ia, int kValues, int n, int d, int k, int trainChanged, int testChanged) {
    this.ia = ia;
    this.ib = BigFraction.ONE.subtract(ia).divide(kValues);
    this.n = n;
    this.k = k;
    this.d = d;
    BigFraction[][] example = counts(ia, ib, kValues, d, trainChanged);
    BigFraction[][] test = counts(ia, ib, kValues, d - 1, testChanged);
    // Embed the test's counts (width 2(d-1)+1) in width 2d+1.
    BigFraction[][] start = {zeros(2 * d + 1), zeros(2 * d + 1)};
    for (int i = 0; i < 2 * d - 1; i++) {
      start[0][i + 1] = test[0][i];
      start[1][i + 1] = test[1][i];
    }
    ps = new BigFraction[k + 1][];
    qs = new BigFraction[k + 1][];
    ps[0] = start[0];
    qs[0] = start[1];
    for (int i = 1; i <= k; i++) {
      ps[i] = convolve(ps[i - 1], example[0]);
      qs[i] = convolve(qs[i - 1], example[1]);
    }
  }

  /**
   * The weights of delta = m - n in [-d', d'] for d' coordinates of which v differ between the clean and
   * the poisoned example: [0] under the clean one, [1] under the poisoned one.
   */
  private static BigFraction[][] counts(BigFraction ia, BigFraction ib, int kValues, int dPrime, int v) {
    BigFraction[] p = zeros(2 * dPrime + 1);
    BigFraction[] q = zeros(2 * dPrime + 1);
    // i of the dPrime - v equal coordinates move (K ways each); of the v differing ones, e show the
    // poisoned value, f the clean one, g = v - e - f another of the K - 1 remaining values.
    for (int i = 0; i <= dPrime - v; i++) {
      BigInteger same = binomial(dPrime - v, i).multiply(BigInteger.valueOf(kValues).pow(i));
      for (int e = 0; e <= v; e++) {
        for (int f = 0; e + f <= v; f++) {
          int g = v - e - f;
          if (g > 0 && kValues == 1) {
            continue;
          }
          BigInteger ways = same.multiply(binomial(v, e)).multiply(binomial(v - e, f))
              .multiply(BigInteger.valueOf(kValues - 1L).pow(g));
          int m = i + e + g;
          int nn = i + f + g;
          BigFraction w = new BigFraction(ways);
          p[m - nn + dPrime] = p[m - nn + dPrime].add(w.multiply(ia.pow(dPrime - m)).multiply(ib.pow(m)));
          q[m - nn + dPrime] = q[m - nn + dPrime].add(w.multiply(ia.pow(dPrime - nn)).multiply(ib.pow(nn)));
        }
      }
    }
    return new BigFraction[][] {p, q};
  }

  private static BigFraction[] convolve(BigFraction[] a, BigFraction[] b) {
    BigFraction[] c = zeros(a.length + b.length - 1);
    for (int i = 0; i < a.length; i++) {
      if (a[i].compareTo(BigFraction.ZERO) == 0) {
        continue;
      }
      for (int j = 0; j < b.length; j++) {
        c[i + j] = c[i + j].add(a[i].multiply(b[j]));
      }
    }
    return c;
  }

  /**
   * The walk: starting from {@code remain} of clean mass, take regions in ratio order (descending, or
   * ascending with {@code reverse}) and return the poisoned mass achieved.
   */
  private BigFraction walk(BigFraction remain, BigFraction[] binom, boolean reverse) {
    BigFraction achieved = BigFraction.ZERO;
    int span = (k + 1) * d;
    for (int step = 0; step <= 2 * span; step++) {
      int delta = reverse ? span - step : -span + step;
      for (int i = 0; i <= k; i++) {
        int offset = (i + 1) * d;
        if (delta < -offset || delta > offset) {
          continue;
        }
        BigFraction pDelta = ps[i][delta + offset].multiply(binom[i]);
        BigFraction qDelta = qs[i][delta + offset].multiply(binom[i]);
        if (pDelta.compareTo(remain) < 0) {
          remain = remain.subtract(pDelta);
          achieved = achieved.add(qDelta);
        } else {
          // ratio p / q = (Ib / Ia)^delta
          BigFraction ratio = ib.divide(ia).pow(delta);
          return achieved.add(remain.divide(ratio));
        }
      }
    }
    return achieved;
  }

  private BigFraction[] binomial(int poisoned) {
    BigFraction[] b = new BigFraction[k + 1];
    BigFraction rate = new BigFraction(poisoned, n);
    for (int i = 0; i <= k; i++) {
      b[i] = new BigFraction(binomial(k, i)).multiply(rate.pow(i)).multiply(BigFraction.ONE.subtract(rate).pow(k - i));
    }
    return b;
  }

  /** Whether R = poisoned is certified for p_A and p_B (their check with the runner-up). */
  boolean check(int poisoned, BigFraction pa, BigFraction pb) {
    BigFraction[] binom = binomial(poisoned);
    BigFraction half = new BigFraction(1, 2);
    BigFraction upperB = walk(pb, binom, true);
    BigFraction lb = upperB.compareTo(half) < 0 ? upperB : half;
    return walk(pa, binom, false).compareTo(lb) > 0;
  }

  /** Their radius search: doubling from R = 1, then bisection; -1 when R = 0 fails. */
  int radius(BigFraction pa, BigFraction pb) {
    if (pa.compareTo(pb) <= 0 || !check(0, pa, pb)) {
      return -1;
    }
    int feasible = -1;
    for (int l = 0; l < 20; l++) {
      if (!check(1 << l, pa, pb)) {
        feasible = l - 1;
        break;
      }
    }
    if (feasible == -1) {
      return 0;
    }
    int ans = 1 << feasible;
    for (int l = feasible - 1; l >= 0; l--) {
      if (check(ans + (1 << l), pa, pb)) {
        ans += 1 << l;
      }
    }
    return ans;
  }

  /** Their p_A table entry for R: 13 bisection steps on [1/2, 1] of "L_R(p_A) > 1/2"; the upper end. */
  BigFraction bisectedThreshold(int poisoned, int steps) {
    BigFraction[] binom = binomial(poisoned);
    BigFraction half = new BigFraction(1, 2);
    BigFraction lo = half;
    BigFraction hi = BigFraction.ONE;
    for (int i = 0; i < steps; i++) {
      BigFraction mid = lo.add(hi).divide(2);
      if (walk(mid, binom, false).compareTo(half) > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static BigFraction[] zeros(int size) {
    BigFraction[] z = new BigFraction[size];
    java.util.Arrays.fill(z, BigFraction.ZERO);
    return z;
  }

  private static BigInteger binomial(int a, int b) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < b; i++) {
      c = c.multiply(BigInteger.valueOf(a - i)).divide(BigInteger.valueOf(i + 1L));
    }
    return c;
  }
}
