package org.smoothcert.certify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The BagFlip certificate (Zhang, Albarghouthi, D'Antoni, NeurIPS 2022, "BagFlip: a certified defense
 * against data poisoning"): bagging with replacement plus flip noise, against backdoor poisoning,
 * computed exactly.
 *
 * <p><b>Scheme.</b> Classifier j trains on a bag of k indices drawn uniformly with replacement from the
 * n training examples; each example of the bag is then noised by the flip noise of {@link L0Certificate}
 * ("keep with probability beta, else one of the other values of the coordinate's domain uniformly") on
 * every feature (domain d_f) and on its label (domain c); the test point's features are noised the same
 * way. The smoothed classifier predicts the class with the largest probability over all of this.
 *
 * <p><b>Threat model (trigger size s).</b> The poisoned training set D' is the clean one D with at most
 * R of its n examples <i>modified</i> (none inserted or deleted: n stays n): a modified example differs
 * from the clean one in at most s features and in its label, which may take any value (a clean-label
 * attack, that keeps the label, is included). The test input x' differs from x in at most s features.
 * So a backdoor (BadNets: a trigger of s pixels on R training images relabelled to the target, and the
 * same trigger on the test image) is covered with R poisoned examples. s = 0 is the trigger-less case
 * in its label-flipping form: R labels change, features and test input do not. Poisoned examples whose
 * features change without limit ("any content") are not this threat: bagging alone certifies them
 * (beta = 1 below, with s = 0, gives that certificate). BagFlip's reference code (utils/cal_bound.py
 * of ForeverZyh/defend_framework) counts the label among the s changed coordinates of a training
 * example (MNIST there has d = 28 * 28 + 1 coordinates of one domain, s of them changed, and the test
 * input s of its 28 * 28); here the label comes on top of the s features, as issue 30 asks: our s is
 * their s + 1 for training examples and their s for the test input (the tests check both against a
 * rewrite of their computation).
 *
 * <p><b>Noise of repeated draws.</b> Each bag entry gets its own noise, also when the bag draws one
 * example twice. If an implementation noises each distinct example once per bag instead, a learner
 * sees less (one noised copy where there were two), a garbling of the draw here: the certificate stays
 * sound, only no longer tight.
 *
 * <p><b>Regions.</b> We take the probability space of the whole draw: the bag's indices, the noise of
 * each bag entry and the test noise. Under D and D' (with x and x') the indices have the same law;
 * given them, an entry whose index is not poisoned has the same law under both, and so do the
 * coordinates that the attack did not change. A poisoned entry changes at most s features and one label,
 * the test point s features: with J the number of bag entries whose index is poisoned, the likelihood
 * ratio of an outcome is
 * <pre>
 *   P(outcome | D, x) / P(outcome | D', x') = rho_f^a * rho_c^b,   rho_f = beta (d_f - 1) / (1 - beta),
 *                                                                 rho_c = beta (c - 1) / (1 - beta),
 * </pre>
 * where a is the region (u - v, as in {@link L0Certificate}) of the J s + s changed feature coordinates
 * and b that of the J changed labels. J is binomial(k, R / n) under both hypotheses, and the region of
 * m changed coordinates of a domain has the law F_m of {@link L0Certificate}, so
 * <pre>
 *   mu(a, b) = sum_J  C(k, J) (R/n)^J (1 - R/n)^(k - J)  F^f_{J s + s}(a)  F^c_J(b),   mu'(a, b) = mu(-a, -b).
 * </pre>
 * The ratio depends on (a, b) only, not on J: the regions are the pairs (a, b), and with d_f = c they
 * merge into the single sum a + b (the label is one more coordinate of the same domain: J (s + 1) + s
 * coordinates). Changing fewer coordinates, or fewer examples, is a garbling of this experiment, so
 * the full budget is the worst case and the certificate is monotone in R.
 *
 * <p><b>Neyman–Pearson.</b> The worst base classifier (it may even see the indices) that gives the
 * top class probability p_A under D puts that mass on the regions of largest ratio first; the least
 * mass that D' can then give it is L_R(p_A), a piecewise linear function through the cumulative sums
 * of (mu, mu') over the regions sorted by ratio. The runner-up, with probability at most p_B under D,
 * has at most 1 - L_R(1 - p_B) under D'. R is certified iff
 * <pre>
 *   L_R(p_A) + L_R(1 - p_B) > 1
 * </pre>
 * (with p_B = 1 - p_A: L_R(p_A) > 1/2, i.e. p_A > threshold(R)). With beta = 1 there is no flip noise,
 * every region with a poisoned entry has ratio 0 or infinity, and the condition is the bagging
 * certificate with replacement, p_A - p_B > 2 (1 - (1 - R/n)^k) (Jia, Cao, Gong, AAAI 2021, Theorem 1,
 * for modifications).
 *
 * <p><b>Exactness.</b> All masses are integers over one common denominator n^k * T_f^A * T_c^B (T the
 * per-coordinate weight totals of {@link L0Certificate}); regions are ordered by comparing rho_f^a
 * rho_c^b exactly (doubles decide only when their logarithms are far apart, big integers otherwise);
 * p_A and p_B are taken as the exact values of their doubles. To keep the regions few, the sum over J
 * is first cut at the J beyond which the binomial's tail tau is below 2^-128: the cut measures bracket
 * the exact curve, L_head(p - tau) <= L_R(p) <= L_head(p), so a decision is taken only when the bracket
 * decides it; when it does not, J is doubled, up to k, where tau = 0 and the curve is the exact one.
 * The answer is therefore the exact one, never an approximation.
 *
 * <p><b>Sharing across points.</b> The region arrays of each R (and doubles of their running sums) are
 * built once, lazily or by {@link #precompute}, and kept; a point then costs a search over R (doubling,
 * then bisection, using the monotonicity) with, for each R it tries, two binary searches over that R's
 * regions in doubles; the exact integers decide only when the doubles are within their error bound of
 * the boundary. Measured on one core of this machine for 10,000 points with p_A and p_B spread over
 * (1/2, 1]: 0.7 to 1.3 s for n = 13,007, k = 100, beta = 0.9, d_f = c = 2, s = 0 or 1 (regions of all
 * R up to 314 with s = 1: 2 s once); 0.1 s for n = 60,000, d_f = 2, c = 10, s = 1 (two-dimensional
 * regions, up to 50 ms per R to build). The doubles are kept for every R built; the exact integers
 * (megabytes per R with two-dimensional regions) for the last 8 R used, rebuilt when needed: all R up
 * to 820 of the ten-class setting fit in a 1 GB heap. Instances are thread-safe.
 */
public final class BagFlipCertificate implements BoundCertificate {
  /** No radius: the smoothed classifier abstains, or even R = 0 (the test trigger alone) is not certified. */
  public static final int NOT_CERTIFIED = -1;

  /** How many R keep their exact arrays at once. */
  private static final int KEEP_EXACT = 8;

  /** The binomial tail below which the first cut is made: 2^-128 of the whole mass. */
  private static final int TAIL_BITS = 128;

  /** How the classifiers select their training examples. */
  enum Selection {
    /** k draws with replacement from the n examples (BagFlip, bagging). */
    BAGGING,
    /** Every classifier trains on all n examples (no bagging randomness): every poisoned example is in. */
    EVERY_EXAMPLE
  }

  /** One coordinate's flip noise as integer weights (keep, to the attacker's value, to neither). */
  private record Coordinate(BigInteger keep, BigInteger other, BigInteger neither, BigInteger total) {
    static Coordinate of(BigFraction beta, int domain) {
      BigInteger p = beta.getNumerator();
      BigInteger q = beta.getDenominator();
      BigInteger k = p.multiply(BigInteger.valueOf(domain - 1L));
      BigInteger o = q.subtract(p);
      BigInteger n = o.multiply(BigInteger.valueOf(domain - 2L));
      BigInteger g = k.gcd(o).gcd(n);
      k = k.divide(g);
      o = o.divide(g);
      n = n.divide(g);
      return new Coordinate(k, o, n, k.add(o).add(n));
    }

    /** ln(keep / other): the log likelihood ratio of one region step; infinite without noise. */
    double logRatio() {
      return other.signum() == 0 ? Double.POSITIVE_INFINITY
          : Math.log(new BigDecimal(keep).doubleValue()) - Math.log(new BigDecimal(other).doubleValue());
    }
  }

  /**
   * The regions of one R cut at J <= jMax, sorted by decreasing likelihood ratio: x[i] and y[i] are the
   * masses under D and D' (numerators over den), cumX and cumY their running sums (inclusive), tail the
   * mass of the J beyond the cut (the same under D and D').
   */
  private record Regions(Cut cut, Masses each, Masses running, Approximation approx) {
    int jMax() {
      return cut.jMax();
    }

    BigInteger den() {
      return cut.den();
    }

    BigInteger tail() {
      return cut.tail();
    }

    BigInteger[] x() {
      return each.x();
    }

    BigInteger[] y() {
      return each.y();
    }

    BigInteger[] cumX() {
      return running.x();
    }

    BigInteger[] cumY() {
      return running.y();
    }
  }

  /** Where the regions of one R are cut (J <= jMax), their common denominator and the mass beyond the cut. */
  private record Cut(int jMax, BigInteger den, BigInteger tail) {}

  /** Masses under D (x) and under D' (y), numerators over the regions' denominator. */
  private record Masses(BigInteger[] x, BigInteger[] y) {}

  /**
   * Doubles of the running sums (cumX / den, cumY / den) and of each region's slope y / x, each within a
   * few units in the last place, for a first decision that is taken only with a margin far above their
   * errors (see {@link #quickDecision}).
   */
  private record Approximation(double[] cumX, double[] cumY, double[] slope) {}

  /** A non-negative rational num / den with den > 0, without normalizing (cheaper than BigFraction). */
  private record Ratio(BigInteger num, BigInteger den) {}

  private final int n;
  private final int k;
  private final BigFraction beta;
  private final int featureDomain;
  private final int classes;
  private final int triggerSize;
  private final Selection selection;
  private final Coordinate feature;
  private final Coordinate label;
  /** Changed coordinates per poisoned bag entry in the feature domain, and in the label domain (0 or 1). */
  private final int featuresPerExample;
  private final int labelsPerExample;
  /** Changed feature coordinates of the test input. */
  private final int testFeatures;
  private final double logFeature;
  private final double logLabel;

  /** featureLaws.get(j) = F_{j * featuresPerExample + testFeatures}; labelLaws.get(j) = F_{j * labelsPerExample}. */
  private final List<BigInteger[]> featureLaws = new ArrayList<>();
  private final List<BigInteger[]> labelLaws = new ArrayList<>();
  private BigInteger[] lastFeatureStep;
  /** The doubles of every R built so far (a few doubles per region: kept for all R). */
  private final Map<Integer, Approximation> approximations = new ConcurrentHashMap<>();
  /** The cut reached for every R built so far. */
  private final Map<Integer, Integer> cuts = new ConcurrentHashMap<>();
  /**
   * The exact arrays of the last R used (megabytes each with two-dimensional regions: kept for a few R
   * only, rebuilt when the doubles leave a decision to them).
   */
  private final Map<Integer, Regions> exact = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Regions> eldest) {
      return size() > KEEP_EXACT;
    }
  };
  private final Map<Integer, BigFraction> thresholds = new ConcurrentHashMap<>();

  private BagFlipCertificate(int n, int k, BigFraction beta, int featureDomain, int classes, int triggerSize,
      Selection selection, int featuresPerExample, int labelsPerExample, int testFeatures) {
    this.n = n;
    this.k = k;
    this.beta = beta;
    this.featureDomain = featureDomain;
    this.classes = classes;
    this.triggerSize = triggerSize;
    this.selection = selection;
    this.feature = Coordinate.of(beta, featureDomain);
    this.label = Coordinate.of(beta, classes);
    this.featuresPerExample = featuresPerExample;
    this.labelsPerExample = labelsPerExample;
    this.testFeatures = testFeatures;
    this.logFeature = feature.logRatio();
    this.logLabel = label.logRatio();
    BigInteger[] start = {BigInteger.ONE};
    for (int i = 0; i < testFeatures; i++) {
      start = addCoordinate(start, feature);
    }
    lastFeatureStep = start;
    featureLaws.add(start);
    labelLaws.add(new BigInteger[] {BigInteger.ONE});
  }

  /**
   * The certificate for n training examples, bags of k draws with replacement, keep probability
   * {@code beta} (taken as the exact decimal it prints as, e.g. 0.9 = 9/10; 1 = no flip noise, plain
   * bagging), feature domain d_f, c classes and trigger size s.
   *
   * @throws IllegalArgumentException naming the bad parameter
   */
  public static BagFlipCertificate of(int n, int k, double beta, int featureDomain, int classes, int triggerSize) {
    Beta.requireInRangeOrOne("beta", beta, IllegalArgumentException::new);
    return of(n, k, Beta.exact(beta), featureDomain, classes, triggerSize);
  }

  /** As {@link #of(int, int, double, int, int, int)} with beta exact. */
  public static BagFlipCertificate of(int n, int k, BigFraction beta, int featureDomain, int classes,
      int triggerSize) {
    check(n, k, beta, featureDomain, classes, triggerSize);
    return build(n, k, beta, featureDomain, classes, triggerSize, Selection.BAGGING);
  }

  /**
   * The same noise without bagging: every classifier trains on all n examples, so all R poisoned
   * examples are always in (J = R). For the reduction to {@link L0Certificate}: R poisoned examples then
   * change R (s + 1) + s coordinates.
   */
  static BagFlipCertificate withoutBagging(int n, BigFraction beta, int featureDomain, int classes,
      int triggerSize) {
    check(n, n, beta, featureDomain, classes, triggerSize);
    return build(n, n, beta, featureDomain, classes, triggerSize, Selection.EVERY_EXAMPLE);
  }

  /**
   * Any split of the changed coordinates, for the checks against other counts of the budget: each
   * poisoned bag entry changes {@code featuresPerExample} features and {@code labelsPerExample} (0 or 1)
   * labels, the test input {@code testFeatures} features.
   */
  static BagFlipCertificate general(int n, int k, BigFraction beta, int featureDomain, int classes,
      int featuresPerExample, int labelsPerExample, int testFeatures) {
    check(n, k, beta, featureDomain, classes, Math.max(featuresPerExample, testFeatures));
    if (labelsPerExample < 0 || labelsPerExample > 1 || featuresPerExample < 0 || testFeatures < 0) {
      throw new IllegalArgumentException("bad split " + featuresPerExample + "/" + labelsPerExample + "/"
          + testFeatures);
    }
    if (featureDomain == classes) {
      return new BagFlipCertificate(n, k, beta, featureDomain, classes, -1, Selection.BAGGING,
          featuresPerExample + labelsPerExample, 0, testFeatures);
    }
    return new BagFlipCertificate(n, k, beta, featureDomain, classes, -1, Selection.BAGGING,
        featuresPerExample, labelsPerExample, testFeatures);
  }

  private static BagFlipCertificate build(int n, int k, BigFraction beta, int featureDomain, int classes,
      int s, Selection selection) {
    // With one domain the label is one more coordinate of it: the regions are one-dimensional.
    if (featureDomain == classes) {
      return new BagFlipCertificate(n, k, beta, featureDomain, classes, s, selection, s + 1, 0, s);
    }
    return new BagFlipCertificate(n, k, beta, featureDomain, classes, s, selection, s, 1, s);
  }

  private static void check(int n, int k, BigFraction beta, int featureDomain, int classes, int s) {
    if (n < 1) {
      throw new IllegalArgumentException("training examples n must be >= 1, got " + n);
    }
    if (k < 1) {
      throw new IllegalArgumentException("bag size k must be >= 1, got " + k);
    }
    if (s < 0) {
      throw new IllegalArgumentException("trigger size must be >= 0, got " + s);
    }
    for (int[] domain : new int[][] {{featureDomain, 0}, {classes, 1}}) {
      String what = domain[1] == 0 ? "feature domain" : "classes";
      if (domain[0] < 2 || domain[0] > 256) {
        throw new IllegalArgumentException(what + " must be in [2, 256], got " + domain[0]);
      }
    }
    Beta.requireInRangeOrOne("beta", beta.doubleValue(), IllegalArgumentException::new);
    Beta.requireAboveChance("beta", beta, featureDomain, classes, IllegalArgumentException::new);
  }

  public int trainingExamples() {
    return n;
  }

  public int bagSize() {
    return k;
  }

  public double beta() {
    return beta.doubleValue();
  }

  public int featureDomain() {
    return featureDomain;
  }

  public int classes() {
    return classes;
  }

  /** s; -1 for the package-private {@link #general} splits. */
  public int triggerSize() {
    return triggerSize;
  }

  /**
   * The largest R <= maxRadius (and <= n) such that R poisoned examples plus the trigger on the test
   * input cannot make the runner-up's class win: with p_A a lower bound on the top class's probability
   * and p_B an upper bound on every other class's. {@link #NOT_CERTIFIED} when p_A <= p_B or when even
   * R = 0 (the test trigger alone) is not certified.
   */
  public int radius(double pLower, double pUpper, int maxRadius) {
    if (!(pLower >= 0 && pLower <= 1 && pUpper >= 0 && pUpper <= 1)) {
      throw new IllegalArgumentException("bounds must be in [0, 1], got " + pLower + " and " + pUpper);
    }
    return search(new BigFraction(pLower), BigFraction.ONE.subtract(new BigFraction(pUpper)), maxRadius);
  }

  /** The radius with the runner-up bounded by 1 - p_lower (all other classes together). */
  public int radius(double pLower, int maxRadius) {
    if (!(pLower >= 0 && pLower <= 1)) {
      throw new IllegalArgumentException("p_lower must be in [0, 1], got " + pLower);
    }
    BigFraction a = new BigFraction(pLower);
    return search(a, a, maxRadius);
  }

  /** Whether R is certified for p_A and not-B = 1 - p_B, exact. */
  boolean certified(int r, BigFraction pA, BigFraction notB) {
    if (pA.add(notB).compareTo(BigFraction.ONE) <= 0) {
      return false;
    }
    Boolean quick = quickDecision(approximation(r), pA.doubleValue(), notB.doubleValue());
    return quick != null ? quick : certifiedExactly(r, pA, notB);
  }

  /** {@link #certified} with the integers alone (no first decision in doubles). */
  boolean certifiedExactly(int r, BigFraction pA, BigFraction notB) {
    if (pA.add(notB).compareTo(BigFraction.ONE) <= 0) {
      return false;
    }
    Regions reg = regions(r);
    while (true) {
      Ratio lowA = curve(reg, pA, reg.tail());
      Ratio lowB = curve(reg, notB, reg.tail());
      if (greaterThanOne(lowA, lowB, reg.den())) {
        return true;
      }
      if (reg.tail().signum() == 0) {
        return false;
      }
      Ratio upA = curve(reg, pA, BigInteger.ZERO);
      Ratio upB = curve(reg, notB, BigInteger.ZERO);
      if (upA != null && upB != null && !greaterThanOne(upA, upB, reg.den())) {
        return false;
      }
      reg = refine(r, reg);
    }
  }

  private int search(BigFraction pA, BigFraction notB, int maxRadius) {
    if (maxRadius < 0) {
      throw new IllegalArgumentException("maxRadius must be >= 0, got " + maxRadius);
    }
    int cap = Math.min(maxRadius, n);
    if (!certified(0, pA, notB)) {
      return NOT_CERTIFIED;
    }
    // Doubling steps from the last certified R, then bisection (certified is monotone in R).
    int good = 0;
    int bad = -1;
    long step = 1;
    while (good < cap) {
      int r = (int) Math.min(good + step, cap);
      if (certified(r, pA, notB)) {
        good = r;
        step *= 2;
      } else {
        bad = r;
        break;
      }
    }
    if (bad < 0) {
      return good;
    }
    while (bad - good > 1) {
      int mid = good + (bad - good) / 2;
      if (certified(mid, pA, notB)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return good;
  }

  /**
   * The minimal p_A certifying R when the runner-up is bounded by 1 - p_A: R is certified iff p_A is
   * strictly above it. Exact (the full sum over J).
   */
  public BigFraction threshold(int r) {
    checkRadius(r);
    BigFraction cached = thresholds.get(r);
    if (cached != null) {
      return cached;
    }
    Regions reg = exactRegions(r);
    BigInteger twice = reg.den();
    BigInteger prevX = BigInteger.ZERO;
    BigInteger prevY = BigInteger.ZERO;
    BigFraction t = null;
    for (int i = 0; i < reg.x().length; i++) {
      if (reg.cumY()[i].shiftLeft(1).compareTo(twice) >= 0) {
        // p* den = prevX + (den / 2 - prevY) x_i / y_i.
        BigInteger num = prevX.multiply(reg.y()[i]).shiftLeft(1).add(reg.den().subtract(prevY.shiftLeft(1))
            .multiply(reg.x()[i]));
        t = new BigFraction(num, reg.den().multiply(reg.y()[i]).shiftLeft(1));
        break;
      }
      prevX = reg.cumX()[i];
      prevY = reg.cumY()[i];
    }
    if (t == null) {
      throw new IllegalStateException("region masses do not sum to 1 at R=" + r);
    }
    thresholds.put(r, t);
    return t;
  }

  /**
   * L_R(p): the least probability that the poisoned draw (R poisoned examples, trigger on the test
   * input) can give a set of outcomes that the clean draw gives probability p. Exact.
   */
  public BigFraction worstCaseMass(BigFraction p, int r) {
    checkRadius(r);
    if (p.compareTo(BigFraction.ZERO) < 0 || p.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p.doubleValue());
    }
    Regions reg = exactRegions(r);
    Ratio l = curve(reg, p, BigInteger.ZERO);
    return l == null ? BigFraction.ONE : new BigFraction(l.num, l.den.multiply(reg.den()));
  }

  /**
   * Builds the regions of R = 0..maxRadius (at most n) now, once for all the points to come (the radius
   * search builds the ones it needs lazily otherwise). Measured on one core of this (shared) machine:
   * about 7 ms per R for n = 13,007, k = 100, beta = 0.9, d_f = c = 2, s = 1 (R up to 314: 2 s); 20 to
   * 50 ms per R for n = 60,000, k = 100, d_f = 2, c = 10, s = 1 or 4 (R up to 820 at s = 1: 18 s).
   */
  public void precompute(int maxRadius) {
    for (int r = 0; r <= Math.min(maxRadius, n); r++) {
      approximation(r);
    }
  }

  private void checkRadius(int r) {
    if (r < 0 || r > n) {
      throw new IllegalArgumentException("R must be in [0, n = " + n + "], got " + r);
    }
  }

  // ---- the curve L_R(p) from the sorted regions ----

  /**
   * L_head(p - minus / den) * den as a ratio: the D' mass of the best set of the cut regions with D mass
   * p - minus / den (0 when that is <= 0); null when it exceeds the cut regions' whole mass.
   */
  private static Ratio curve(Regions reg, BigFraction p, BigInteger minus) {
    BigInteger pd = p.getDenominator();
    BigInteger target = p.getNumerator().multiply(reg.den()).subtract(minus.multiply(pd)); // over pd
    if (target.signum() <= 0) {
      return new Ratio(BigInteger.ZERO, BigInteger.ONE);
    }
    BigInteger[] cumX = reg.cumX();
    int lo = 0;
    int hi = cumX.length - 1;
    if (cumX[hi].multiply(pd).compareTo(target) < 0) {
      return null;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumX[mid].multiply(pd).compareTo(target) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    BigInteger prevX = lo == 0 ? BigInteger.ZERO : cumX[lo - 1];
    BigInteger prevY = lo == 0 ? BigInteger.ZERO : reg.cumY()[lo - 1];
    // prevY + (target / pd - prevX) * y / x  =  (prevY x pd + (target - prevX pd) y) / (x pd)
    BigInteger x = reg.x()[lo];
    BigInteger num = prevY.multiply(x).multiply(pd).add(target.subtract(prevX.multiply(pd)).multiply(reg.y()[lo]));
    return new Ratio(num, x.multiply(pd));
  }

  /**
   * The decision in doubles when it is clear, else null. L is convex and piecewise linear; where p lies
   * at least 1e-14 inside a segment i (the doubles of the breakpoints are within 1e-15 of the exact ones,
   * so i is the exact segment), L(p) = cumY[i-1] + (p - cumX[i-1]) slope[i] up to 4e-15 (1 + slope[i]),
   * which also covers p's own rounding (1 - p_B as a double) and the cut's tail (below 2^-128 of mass, so
   * below 2^-128 slope[i] of L). The decision is returned only when the sum of the two values is on one
   * side of 1 by more than the sum of their error bounds.
   */
  private static Boolean quickDecision(Approximation approx, double pA, double notB) {
    double[] a = approximateCurve(approx, pA);
    double[] b = approximateCurve(approx, notB);
    if (a == null || b == null) {
      return null;
    }
    double error = a[1] + b[1] + 1e-15;
    double sum = a[0] + b[0];
    if (sum - error > 1) {
      return true;
    }
    if (sum + error < 1) {
      return false;
    }
    return null;
  }

  /** {L(p), its error bound} in doubles, or null where the doubles cannot place p in its segment. */
  private static double[] approximateCurve(Approximation approx, double p) {
    if (p <= 0) {
      return new double[] {0, 0};
    }
    double[] cx = approx.cumX;
    int lo = 0;
    int hi = cx.length - 1;
    if (!(cx[hi] >= p)) {
      return null;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cx[mid] >= p) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    double prevX = lo == 0 ? 0 : cx[lo - 1];
    double prevY = lo == 0 ? 0 : approx.cumY[lo - 1];
    double slope = approx.slope[lo];
    if (cx[lo] - p < 1e-14 || p - prevX < 1e-14 || !Double.isFinite(slope) || slope > 1e12) {
      return null;
    }
    return new double[] {prevY + (p - prevX) * slope, 4e-15 * (1 + slope)};
  }

  /** a / b as a double within a few units in the last place, for integers of any size. */
  private static double quotient(BigInteger a, BigInteger b) {
    if (a.signum() == 0) {
      return 0;
    }
    int ea = Math.max(0, a.bitLength() - 62);
    int eb = Math.max(0, b.bitLength() - 62);
    double ma = a.shiftRight(ea).doubleValue();
    double mb = b.shiftRight(eb).doubleValue();
    return Math.scalb(ma / mb, ea - eb);
  }

  /** a / den + b / den > 1, for a and b given as ratios of masses over den. */
  private static boolean greaterThanOne(Ratio a, Ratio b, BigInteger den) {
    if (a == null || b == null) {
      return false;
    }
    BigInteger lhs = a.num.multiply(b.den).add(b.num.multiply(a.den));
    return lhs.compareTo(den.multiply(a.den).multiply(b.den)) > 0;
  }

  // ---- building the regions of one R ----

  private synchronized Regions regions(int r) {
    Regions reg = exact.get(r);
    if (reg == null) {
      Integer cut = cuts.get(r);
      reg = remember(r, build(r, cut != null ? cut : firstCut(r)));
    }
    return reg;
  }

  private Approximation approximation(int r) {
    Approximation a = approximations.get(r);
    return a != null ? a : regions(r).approx();
  }

  private Regions remember(int r, Regions reg) {
    exact.put(r, reg);
    cuts.put(r, reg.jMax());
    approximations.put(r, reg.approx());
    return reg;
  }

  private Regions exactRegions(int r) {
    Regions reg = regions(r);
    while (reg.tail().signum() != 0) {
      reg = refine(r, reg);
    }
    return reg;
  }

  private synchronized Regions refine(int r, Regions from) {
    Regions now = exact.get(r);
    if (now != null && now.jMax() > from.jMax()) {
      return now;
    }
    int top = topJ(r);
    return remember(r, build(r, Math.min(top, Math.max(1, from.jMax() * 2))));
  }

  /** The largest J with positive weight. */
  private int topJ(int r) {
    if (selection == Selection.EVERY_EXAMPLE) {
      return r;
    }
    return r == 0 ? 0 : k;
  }

  /** The weight of J = j (numerator over {@link #weightDenominator()}). */
  private BigInteger weight(int r, int j) {
    if (selection == Selection.EVERY_EXAMPLE) {
      return j == r ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (j > k) {
      return BigInteger.ZERO;
    }
    return binomial(k, j).multiply(BigInteger.valueOf(r).pow(j)).multiply(BigInteger.valueOf(n - (long) r).pow(k - j));
  }

  private BigInteger weightDenominator() {
    return selection == Selection.EVERY_EXAMPLE ? BigInteger.ONE : BigInteger.valueOf(n).pow(k);
  }

  /** The smallest cut whose binomial tail is at most 2^-128 of the whole. */
  private int firstCut(int r) {
    int top = topJ(r);
    if (selection == Selection.EVERY_EXAMPLE) {
      return top;
    }
    BigInteger whole = weightDenominator();
    BigInteger left = whole;
    for (int j = 0; j < top; j++) {
      left = left.subtract(weight(r, j));
      if (left.shiftLeft(TAIL_BITS).compareTo(whole) <= 0) {
        return j;
      }
    }
    return top;
  }

  private static BigInteger binomial(int k, int j) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < j; i++) {
      c = c.multiply(BigInteger.valueOf(k - i)).divide(BigInteger.valueOf(i + 1L));
    }
    return c;
  }

  private synchronized BigInteger[] featureLaw(int j) {
    while (featureLaws.size() <= j) {
      BigInteger[] law = lastFeatureStep;
      for (int i = 0; i < featuresPerExample; i++) {
        law = addCoordinate(law, feature);
      }
      lastFeatureStep = law;
      featureLaws.add(law);
    }
    return featureLaws.get(j);
  }

  private synchronized BigInteger[] labelLaw(int j) {
    while (labelLaws.size() <= j) {
      BigInteger[] law = labelLaws.get(labelLaws.size() - 1);
      for (int i = 0; i < labelsPerExample; i++) {
        law = addCoordinate(law, label);
      }
      labelLaws.add(law);
    }
    return labelLaws.get(j);
  }

  /**
   * One more changed coordinate: the region moves up (the noise kept x's value), down (it took the
   * attacker's value) or stays (neither), as in {@link L0Certificate}. Index i is region i - m.
   */
  private static BigInteger[] addCoordinate(BigInteger[] law, Coordinate c) {
    BigInteger[] next = new BigInteger[law.length + 2];
    Arrays.fill(next, BigInteger.ZERO);
    for (int i = 0; i < law.length; i++) {
      BigInteger m = law[i];
      if (m.signum() == 0) {
        continue;
      }
      next[i + 2] = next[i + 2].add(m.multiply(c.keep));
      next[i + 1] = next[i + 1].add(m.multiply(c.neither));
      next[i] = next[i].add(m.multiply(c.other));
    }
    return next;
  }

  /** The regions of R with J cut at jMax (jMax = topJ(r): exact, tail 0). */
  private Regions build(int r, int jMax) {
    int a = jMax * featuresPerExample + testFeatures; // feature regions in [-a, a]
    int b = jMax * labelsPerExample; // label regions in [-b, b]
    int width = 2 * b + 1;
    BigInteger[] mass = new BigInteger[(2 * a + 1) * width];
    Arrays.fill(mass, BigInteger.ZERO);
    BigInteger cutWeights = BigInteger.ZERO;
    int jFrom = selection == Selection.EVERY_EXAMPLE ? jMax : 0;
    for (int j = jFrom; j <= jMax; j++) {
      BigInteger w = weight(r, j);
      if (w.signum() == 0) {
        continue;
      }
      cutWeights = cutWeights.add(w);
      int aj = j * featuresPerExample + testFeatures;
      int bj = j * labelsPerExample;
      BigInteger scale = w.multiply(feature.total.pow(a - aj)).multiply(label.total.pow(b - bj));
      BigInteger[] f = featureLaw(j);
      BigInteger[] l = labelLaw(j);
      for (int lb = 0; lb < l.length; lb++) {
        if (l[lb].signum() == 0) {
          continue;
        }
        BigInteger sl = scale.multiply(l[lb]);
        int col = lb - bj + b;
        for (int fa = 0; fa < f.length; fa++) {
          if (f[fa].signum() == 0) {
            continue;
          }
          int cell = (fa - aj + a) * width + col;
          mass[cell] = mass[cell].add(sl.multiply(f[fa]));
        }
      }
    }
    BigInteger spread = feature.total.pow(a).multiply(label.total.pow(b));
    BigInteger den = weightDenominator().multiply(spread);
    BigInteger tail = selection == Selection.EVERY_EXAMPLE ? BigInteger.ZERO
        : weightDenominator().subtract(cutWeights).multiply(spread);

    // The cells with mass under D or D' (cell (a, b) under D' is cell (-a, -b) under D).
    int cells = mass.length;
    List<Integer> order = new ArrayList<>();
    for (int cell = 0; cell < cells; cell++) {
      if (mass[cell].signum() != 0 || mass[cells - 1 - cell].signum() != 0) {
        order.add(cell);
      }
    }
    int fa0 = a;
    int lb0 = b;
    order.sort((c1, c2) -> compareRatio(c2 / width - fa0, c2 % width - lb0, c1 / width - fa0, c1 % width - lb0));
    int size = order.size();
    BigInteger[] x = new BigInteger[size];
    BigInteger[] y = new BigInteger[size];
    BigInteger[] cumX = new BigInteger[size];
    BigInteger[] cumY = new BigInteger[size];
    BigInteger sx = BigInteger.ZERO;
    BigInteger sy = BigInteger.ZERO;
    for (int i = 0; i < size; i++) {
      int cell = order.get(i);
      x[i] = mass[cell];
      y[i] = mass[cells - 1 - cell];
      sx = sx.add(x[i]);
      sy = sy.add(y[i]);
      cumX[i] = sx;
      cumY[i] = sy;
    }
    if (!sx.add(tail).equals(den) || !sy.add(tail).equals(den)) {
      throw new IllegalStateException("region masses do not sum to 1 at R=" + r + ", J <= " + jMax);
    }
    double[] ax = new double[size];
    double[] ay = new double[size];
    double[] slope = new double[size];
    for (int i = 0; i < size; i++) {
      ax[i] = quotient(cumX[i], den);
      ay[i] = quotient(cumY[i], den);
      slope[i] = x[i].signum() == 0 ? Double.POSITIVE_INFINITY : quotient(y[i], x[i]);
    }
    return new Regions(new Cut(jMax, den, tail), new Masses(x, y), new Masses(cumX, cumY),
        new Approximation(ax, ay, slope));
  }

  /** Compares the likelihood ratios rho_f^a1 rho_c^b1 and rho_f^a2 rho_c^b2 exactly. */
  private int compareRatio(int a1, int b1, int a2, int b2) {
    int da = a1 - a2;
    int db = b1 - b2;
    if (da == 0 && db == 0) {
      return 0;
    }
    if (labelsPerExample == 0 || (da >= 0 && db >= 0) || (da <= 0 && db <= 0)) {
      // Both steps have ratio above 1: the signs decide.
      return da + db > 0 ? 1 : (da + db < 0 ? -1 : 0);
    }
    if (feature.other.signum() == 0) {
      // No noise: only cells with a and b of one sign carry mass; any consistent order will do.
      return Integer.compare(da + db, 0);
    }
    double key = da * logFeature + db * logLabel;
    double scale = Math.abs(da * logFeature) + Math.abs(db * logLabel);
    if (Math.abs(key) > 1e-9 * scale) {
      return key > 0 ? 1 : -1;
    }
    // rho_f^da rho_c^db vs 1 with integers: keep_f^da+ other_f^da- keep_c^db+ other_c^db- against the swap.
    BigInteger lhs = BigInteger.ONE;
    BigInteger rhs = BigInteger.ONE;
    if (da > 0) {
      lhs = lhs.multiply(feature.keep.pow(da));
      rhs = rhs.multiply(feature.other.pow(da));
    } else {
      lhs = lhs.multiply(feature.other.pow(-da));
      rhs = rhs.multiply(feature.keep.pow(-da));
    }
    if (db > 0) {
      lhs = lhs.multiply(label.keep.pow(db));
      rhs = rhs.multiply(label.other.pow(db));
    } else {
      lhs = lhs.multiply(label.other.pow(-db));
      rhs = rhs.multiply(label.keep.pow(-db));
    }
    return lhs.compareTo(rhs);
  }
}
