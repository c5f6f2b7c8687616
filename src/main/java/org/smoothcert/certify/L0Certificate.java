package org.smoothcert.certify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The tight L0 certificate for discrete "keep with probability beta, else another value uniformly"
 * noise (Lee et al., NeurIPS 2019, Theorem 2 and its Neyman–Pearson construction), computed exactly.
 *
 * <p><b>Regions.</b> Let x and x' differ in r coordinates of domain size d. For a noised point z, only
 * those r coordinates matter: with u of them equal to x's value and v equal to x''s, the likelihood
 * ratio P(z | x) / P(z | x') = (beta / q)^(u - v), where q = (1 - beta) / (d - 1). So the outcomes fall
 * into regions s = u - v in [-r, r]; under x each coordinate adds +1 with probability beta, -1 with
 * probability q and 0 with probability (d - 2) q, and under x' the roles of +1 and -1 swap, so
 * P'(s) = P(-s).
 *
 * <p><b>Threshold.</b> The worst classifier that gives the label y probability p at x puts its mass on
 * the regions with the largest ratio first (Neyman–Pearson); y is still the prediction at x' iff the
 * mass that set has under x' exceeds 1/2. The threshold {@code threshold(r)} is the p at which that
 * worst x' mass is exactly 1/2; radius r is certified iff p_lower > threshold(r). The threshold depends
 * on r, beta and d only, never on the dimension. It is computed here with integers (per-coordinate
 * weights over the common denominator Q (d - 1) for beta = P / Q), so it is exact for any r.
 *
 * <p><b>Mixed domains.</b> The attacker's budget r may be split between feature coordinates (domain
 * d_f) and label coordinates (domain c). For beta above 1/d' and d > d', one coordinate of domain d is
 * a more informative experiment than one of domain d' (Blackwell): its Neyman–Pearson curve, through
 * (beta, q), (beta + (d-2) q, 1 - beta), lies pointwise below the domain-d' curve. Blackwell order is
 * kept under products, so every split of r is dominated by r coordinates of the larger domain: the
 * worst split puts the whole budget there, and the certificate for (d_f, c) is the single-domain one
 * for max(d_f, c). The tests check this against a brute-force maximum over all splits.
 *
 * <p>Thresholds are computed lazily, once, up to the largest radius asked for; instances are
 * thread-safe.
 */
public final class L0Certificate implements BoundCertificate {
  /** The radius reported when the smoothed classifier abstains (p_lower <= 1/2). */
  public static final int ABSTAIN = -1;
  /** Radii beyond this are not searched unless asked for (the thresholds cost O(r^2) big integers). */
  public static final int DEFAULT_MAX_RADIUS = 1000;
  /**
   * The largest radius searched at all: the exact thresholds cost time cubic in r (1,000 takes about a
   * second, 5,000 a minute and a half), so a search further out is refused rather than left running.
   */
  public static final int LARGEST_MAX_RADIUS = 2000;

  private static final BigFraction HALF = new BigFraction(1, 2);

  private final BigFraction beta;
  private final int featureDomain;
  private final int labelDomain;
  private final int domain;
  private final BigInteger keep;
  private final BigInteger other;
  private final BigInteger neither;
  private final BigInteger total;

  /** Region distributions are kept up to this r; beyond it they are recomputed from the last kept. */
  private static final int KEEP_MASSES_UP_TO = 256;

  /** kept.get(r)[s + r] = P(region s) * total^r under x. */
  private final List<BigInteger[]> kept = new ArrayList<>();
  /** The region distribution of the largest r computed so far (it may be beyond the kept ones). */
  private BigInteger[] latest = {BigInteger.ONE};
  private final List<BigFraction> thresholds = new ArrayList<>(List.of(HALF));

  private L0Certificate(BigFraction beta, int featureDomain, int labelDomain) {
    this.beta = beta;
    this.featureDomain = featureDomain;
    this.labelDomain = labelDomain;
    this.domain = Math.max(featureDomain, labelDomain);
    BigInteger p = beta.getNumerator();
    BigInteger q = beta.getDenominator();
    BigInteger dm1 = BigInteger.valueOf(domain - 1L);
    BigInteger k = p.multiply(dm1);
    BigInteger o = q.subtract(p);
    BigInteger n = o.multiply(BigInteger.valueOf(domain - 2L));
    BigInteger g = k.gcd(o).gcd(n);
    this.keep = k.divide(g);
    this.other = o.divide(g);
    this.neither = n.divide(g);
    this.total = keep.add(other).add(neither);
    kept.add(latest);
  }

  /**
   * The certificate for keep probability {@code beta} (taken as the exact decimal it prints as, e.g.
   * 0.9 = 9/10), feature domain d_f and label domain c.
   *
   * @throws IllegalArgumentException naming the bad parameter
   */
  public static L0Certificate of(double beta, int featureDomain, int labelDomain) {
    Beta.requireInRange("beta", beta, IllegalArgumentException::new);
    checkDomain("feature domain", featureDomain);
    checkDomain("label domain", labelDomain);
    Beta.requireAboveChance("beta", beta, featureDomain, labelDomain, IllegalArgumentException::new);
    return new L0Certificate(Beta.exact(beta), featureDomain, labelDomain);
  }

  private static void checkDomain(String what, int d) {
    if (d < 2 || d > 256) {
      throw new IllegalArgumentException(what + " must be in [2, 256], got " + d);
    }
  }

  public double beta() {
    return beta.doubleValue();
  }

  public int featureDomain() {
    return featureDomain;
  }

  public int labelDomain() {
    return labelDomain;
  }

  /** The domain the worst-case attacker spends its budget on: max(d_f, c). */
  public int effectiveDomain() {
    return domain;
  }

  /**
   * The minimal p_lower needed for radius r, exact: radius r is certified iff p_lower is strictly
   * above it. threshold(0) = 1/2; thresholds increase with r.
   */
  public synchronized BigFraction threshold(int r) {
    if (r < 0) {
      throw new IllegalArgumentException("radius must be >= 0: " + r);
    }
    while (thresholds.size() <= r) {
      int next = thresholds.size();
      thresholds.add(worstCaseThreshold(massAt(next), total.pow(next)));
    }
    return thresholds.get(r);
  }

  /**
   * The least probability that the noised x' can give to a set that the noised x gives probability
   * {@code p}, over every x' within L0 distance r (Neyman–Pearson: the set takes the regions with the
   * largest likelihood ratio first). Exact.
   */
  public synchronized BigFraction worstCaseMass(BigFraction p, int r) {
    if (p.compareTo(BigFraction.ZERO) < 0 || p.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p.doubleValue());
    }
    BigInteger[] mass = massAt(r);
    BigInteger totalPow = total.pow(r);
    BigFraction target = p.multiply(totalPow);
    BigInteger accX = BigInteger.ZERO;
    BigInteger accXPrime = BigInteger.ZERO;
    for (int s = r; s >= -r; s--) {
      BigInteger mx = mass[s + r];
      if (mx.signum() == 0) {
        continue;
      }
      if (target.compareTo(new BigFraction(accX.add(mx))) <= 0) {
        BigFraction part = target.subtract(accX).multiply(new BigFraction(mass[-s + r], mx));
        return part.add(accXPrime).divide(totalPow);
      }
      accX = accX.add(mx);
      accXPrime = accXPrime.add(mass[-s + r]);
    }
    return BigFraction.ONE;
  }

  /**
   * The radius certified by a lower bound on the top class and an upper bound on the runner-up
   * (Lee et al.'s Theorem with p_A and p_B): the largest r at which the worst x' still gives the top
   * class more than the runner-up, worstCaseMass(pA, r) > 1 - worstCaseMass(1 - pB, r). With
   * pB = 1 - pA this is {@link #radius(double, int)}. ABSTAIN when pA <= pB.
   */
  public int radius(double pA, double pB, int maxRadius) {
    if (!(pA >= 0 && pA <= 1 && pB >= 0 && pB <= 1)) {
      throw new IllegalArgumentException("bounds must be in [0, 1], got " + pA + " and " + pB);
    }
    BigFraction a = new BigFraction(pA);
    BigFraction notB = BigFraction.ONE.subtract(new BigFraction(pB));
    if (a.add(notB).compareTo(BigFraction.ONE) <= 0) {
      return ABSTAIN;
    }
    int r = 0;
    while (r < maxRadius
        && worstCaseMass(a, r + 1).add(worstCaseMass(notB, r + 1)).compareTo(BigFraction.ONE) > 0) {
      r++;
    }
    return r;
  }

  /** threshold(r) rounded up to a double (for display; comparisons use the exact value). */
  public double thresholdUp(int r) {
    BigFraction t = threshold(r);
    double d = new BigDecimal(t.getNumerator()).divide(new BigDecimal(t.getDenominator()), 40, RoundingMode.UP)
        .round(new MathContext(17, RoundingMode.UP)).doubleValue();
    // The decimal-to-double conversion rounds to nearest: step up if that went below the exact value.
    return new BigFraction(d).compareTo(t) < 0 ? Math.nextUp(d) : d;
  }

  /** The certified radius for {@code pLower}, at most {@link #DEFAULT_MAX_RADIUS}; ABSTAIN when <= 1/2. */
  public int radius(double pLower) {
    return radius(pLower, DEFAULT_MAX_RADIUS);
  }

  /**
   * The largest r <= maxRadius with pLower > threshold(r), or {@link #ABSTAIN} when pLower <= 1/2.
   * Returns maxRadius itself when the true radius is at least that large.
   */
  public int radius(double pLower, int maxRadius) {
    if (!(pLower >= 0 && pLower <= 1)) {
      throw new IllegalArgumentException("p_lower must be in [0, 1], got " + pLower);
    }
    BigFraction p = new BigFraction(pLower);
    if (p.compareTo(HALF) <= 0) {
      return ABSTAIN;
    }
    if (pLower == 1) {
      return maxRadius; // every threshold is below 1 (beta < 1): no need to compute them
    }
    int r = 0;
    while (r < maxRadius && p.compareTo(threshold(r + 1)) > 0) {
      r++;
    }
    return r;
  }

  /** The region distribution for r perturbed coordinates (numerators over total^r). */
  private BigInteger[] massAt(int r) {
    if (r < kept.size()) {
      return kept.get(r);
    }
    int latestR = latest.length / 2;
    if (latestR > r) {
      latest = kept.get(kept.size() - 1);
      latestR = kept.size() - 1;
    }
    while (latestR < r) {
      latest = addCoordinate(latest);
      latestR++;
      if (latestR <= KEEP_MASSES_UP_TO) {
        kept.add(latest);
      }
    }
    return latest;
  }

  /** Adds one perturbed coordinate: convolves the region distribution with (+1: keep, -1: other, 0: neither). */
  private BigInteger[] addCoordinate(BigInteger[] mass) {
    BigInteger[] next = new BigInteger[mass.length + 2];
    for (int i = 0; i < next.length; i++) {
      // next index i is region s = i - (r + 1); the old index of region s is s + r = i - 1.
      BigInteger sum = BigInteger.ZERO;
      int fromPlus = i - 2; // region s - 1 moved up by a kept coordinate
      int fromZero = i - 1;
      int fromMinus = i; // region s + 1 moved down by the attacker's value
      if (fromPlus >= 0 && fromPlus < mass.length) {
        sum = sum.add(mass[fromPlus].multiply(keep));
      }
      if (fromZero >= 0 && fromZero < mass.length && neither.signum() > 0) {
        sum = sum.add(mass[fromZero].multiply(neither));
      }
      if (fromMinus < mass.length) {
        sum = sum.add(mass[fromMinus].multiply(other));
      }
      next[i] = sum;
    }
    return next;
  }

  /** Walks the regions from the largest likelihood ratio (s = r) down until the x' mass reaches 1/2. */
  private static BigFraction worstCaseThreshold(BigInteger[] mass, BigInteger totalPow) {
    int r = mass.length / 2;
    BigInteger accX = BigInteger.ZERO;
    BigInteger accXPrime = BigInteger.ZERO;
    for (int s = r; s >= -r; s--) {
      BigInteger mx = mass[s + r];
      BigInteger mxPrime = mass[-s + r];
      if (mxPrime.signum() == 0) {
        continue; // an empty region (d = 2 keeps s and r of the same parity)
      }
      BigInteger reached = accXPrime.add(mxPrime).shiftLeft(1);
      if (reached.compareTo(totalPow) >= 0) {
        // Take the fraction of region s whose x' mass brings the total to exactly 1/2:
        // p* = (accX + (1/2 - accX') * P(s) / P'(s)) / total^r.
        BigInteger num = accX.multiply(mxPrime).shiftLeft(1)
            .add(totalPow.subtract(accXPrime.shiftLeft(1)).multiply(mx));
        BigInteger den = totalPow.multiply(mxPrime).shiftLeft(1);
        return new BigFraction(num, den);
      }
      accX = accX.add(mx);
      accXPrime = accXPrime.add(mxPrime);
    }
    throw new IllegalStateException("region masses do not sum to 1 at r=" + r);
  }
}
