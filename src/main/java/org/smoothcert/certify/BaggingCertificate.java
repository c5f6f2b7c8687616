package org.smoothcert.certify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The certificate of bagging against data poisoning (Jia, Cao, Gong, AAAI 2021, "Intrinsic certified
 * robustness of bagging against data poisoning attacks", Theorem 1), computed exactly, for bags drawn
 * with replacement (the paper's main case) and without replacement.
 *
 * <p><b>Setting.</b> The clean training set D has n examples. Classifier j trains on a bag of k examples
 * drawn uniformly from D: k independent uniform draws (with replacement) or a uniform k-subset (without
 * replacement), and with whatever randomness of its own the learner has, independent of the bag (in
 * smoothcert a seed derived from (seed, j)). For a test point, p_c(D) is the probability that the
 * classifier so trained predicts c; the smoothed (bagged) classifier predicts argmax_c p_c(D). The
 * certificate takes a lower bound p_A on p_A(D) for the predicted class A and an upper bound p_B on
 * max_{c != A} p_c(D), and returns the largest r such that argmax_c p_c(D') = A for every training set D'
 * within poisoning size r of D.
 *
 * <p><b>What r counts.</b> As in the paper, the poisoning size of D' is r(D, D') = max(n, n') - |D ∩ D'|,
 * with n' = |D'| and the intersection taken as multisets (an inserted duplicate of a clean example is an
 * insertion). m modifications, i insertions and d deletions give r = m + max(i, d) <= m + i + d: each
 * modified, inserted or deleted example counts one, and a deletion paired with an insertion counts one
 * (it is a modification). So radius r covers every attack with at most r examples modified, inserted
 * and/or deleted, in any mix, with whatever content (features and label) the attacker chooses.
 *
 * <p><b>Theorem (Theorem 1 of the paper, restated with its proof).</b> Let O = D ∩ D', o = |O| =
 * max(n, n') - r. Write w(m) = m^k with replacement and w(m) = m (m - 1) ... (m - k + 1) (k! C(m, k))
 * without, with w(m) = 0 for m < k without replacement and for m <= 0 with. A bag drawn from D lies in O
 * with probability w(o) / w(n): (o/n)^k with replacement, C(o, k) / C(n, k) without (the hypergeometric
 * probability that all k distinct draws fall among the o examples of O); likewise w(o) / w(n') from D'.
 * Conditioned on lying in O, the bag is uniform over O's bags in both cases (k uniform draws from O, or a
 * uniform k-subset of O), and the learner's own randomness does not depend on D, so the distribution of
 * (bag, learner randomness), hence of the prediction, is the same under D and D' on that region. Outside
 * it, bags from D contain an example of D \ O (mass 1 - w(o)/w(n) under D, 0 under D') and bags from D'
 * one of D' \ O (mass 1 - w(o)/w(n') under D', 0 under D). The worst case over every base classifier
 * (Neyman–Pearson with three regions) puts A's mass in the D-only region first and the runner-up's mass
 * in the D'-only region:
 *
 * <pre>
 *   p_A(D') >= (p_A - (1 - w(o)/w(n))) w(n)/w(n'),     p_B(D') <= p_B w(n)/w(n') + 1 - w(o)/w(n'),
 * </pre>
 *
 * and A still wins iff, multiplying by w(n')/w(n),
 *
 * <pre>
 *   w(n')/w(n) - 2 w(o)/w(n) + 1 - (p_A - p_B) < 0,    i.e.   p_A - p_B > 1 + (w(n') - 2 w(o)) / w(n).
 * </pre>
 *
 * (If p_A < 1 - w(o)/w(n) or p_B > w(o)/w(n) the left side is already >= 0, so the condition is exact in
 * those cases too.) Both worst cases are met at once by one classifier whenever p_A + p_B <= 1 (the rest
 * of D's mass on other classes, each at most p_B), so the condition is tight over all base learners,
 * randomized ones included. Radius r is certified iff it holds for every n' in [n - r, n + r]: the margin
 * r needs is
 *
 * <pre>
 *   marginNeeded(r) = 1 + max_{n - r <= n' <= n + r} (w(n') - 2 w(max(n, n') - r)) / w(n),
 * </pre>
 *
 * and r is certified iff p_A - p_B > marginNeeded(r) (strictly). marginNeeded(0) = 0. Without
 * replacement a D' of fewer than k examples cannot be bagged at all; it never arises within a certified
 * radius, since certifying r needs w(n - r) > 0 (below), i.e. n' >= n - r >= k.
 *
 * <p><b>The worst n', found exactly.</b> For n' <= n, o = n - r is fixed and w(n') grows with n', so the
 * maximum over [n - r, n] is at n' = n. For n' = m >= n, g(m) = w(m) - 2 w(m - r), and g(m + 1) - g(m)
 * has the sign of 1 - 2 rho(m) with rho nondecreasing in m:
 * without replacement, w(m + 1) - w(m) = k w_{k-1}(m) (Pascal), so rho(m) = w_{k-1}(m - r) / w_{k-1}(m) =
 * prod_{i < k-1} (m - r - i) / (m - i), each factor 1 - r / (m - i) nondecreasing (0 while m - r < k - 1);
 * with replacement, g'(x) = k x^{k-1} (1 - 2 ((x - r)_+ / x)^{k-1}) on the reals, and (x - r)_+ / x is
 * nondecreasing, so g' is positive and then negative, and g(m + 1) - g(m) = integral of g' over [m, m + 1]
 * is positive before the sign change and negative after (k = 1: g(m + 1) - g(m) = 1 for m < r, -1 after).
 * Either way the predicate g(m + 1) <= g(m) is false and then true on [n, n + r), so the first m where it
 * holds (or n + r) is the maximiser: a binary search over n' with exact big integers, O(log r) powers per
 * r. (The reference code takes the floor and ceiling of the real stationary point r / (1 - 2^{-1/(k-1)})
 * in floating point; this is the same point, found without rounding.) The margin increases with r (each
 * term grows as o shrinks), so the radius is found by a galloping then binary search over r.
 *
 * <p><b>Corollary: insertions never bind a certifiable radius.</b> If marginNeeded(r) < 1 (no radius
 * with a margin of 1 or more can be certified, since p_A - p_B <= 1), then already at n' = n,
 * 2 w(n - r) > w(n). With replacement that is ((n - r)/n)^k > 1/2, so ((n - r)/n)^{k-1} > 1/2 and
 * g' < 0 on [n, infinity); without, prod_{i < k} (n - r - i)/(n - i) > 1/2, and rho(n) has one factor
 * fewer, each at most 1, so rho(n) > 1/2. Either way g(n + 1) < g(n) and the maximiser is n' = n: for
 * every radius any bounds can certify, the worst attack modifies r examples, and
 * marginNeeded(r) = 2 - 2 w(n - r) / w(n). The search above still runs (it is exact and cheap) and
 * matters for the margins of 1 and more that {@link #marginNeeded} reports beyond the largest certifiable
 * radius, where the worst n' may exceed n.
 *
 * <p><b>Rounding, done exactly.</b> p_A and p_B are taken as the exact rationals of their doubles, and the
 * comparison p_A - p_B > (w(n) + w(n') - 2 w(o)) / w(n) is made in big integers: nothing is rounded. The
 * reference code instead shifts p_A down and p_B up by 1e-50 ("for simplicity"); in doubles that shift is
 * absorbed (p - 1e-50 == p for any p above about 1e-34), and its comparison of floating-point powers
 * against 0 falls on either side within rounding: at inputs a ulp from an exact margin it certifies one
 * radius too many about half the time (BaggingCertificateTest.referenceFormulaAtTheExactBoundaries; e.g.
 * n = 13007, k = 100, p_A = 0.9856080487094826, p_B = 0: exactly 87, the reference's doubles 88). The
 * paper's own rounding, p_A down to floor(p_A n^k) / n^k and p_B up to ceil(p_B n^k) / n^k (what the
 * reference code's delta_l and delta_s stand for, below n^{-k}, hence its "smaller than 1e-50"), is sound,
 * because it only weakens the bounds and the condition is monotone in p_A - p_B; it is not needed here,
 * since the proof above holds for fractional masses (randomized learners) as they are, and it would change
 * the margin by less than 2 n^{-k}. The opposite rounding (p_A up to the lattice of multiples of n^{-k})
 * is sound only for a learner that is a deterministic function of its bag, which a seeded learner is
 * not; it is never used. With the runner-up bound larger than 1 - p_A, p_B is replaced by 1 - p_A (sound:
 * p_B(D) <= 1 - p_A(D) <= 1 - p_A), as the reference code clips it.
 *
 * <p><b>Cost.</b> marginNeeded(r) costs O(log r) big-integer powers of about k log2(n + r) bits, computed
 * once per r and cached (thread-safe); a radius then costs O(log r) comparisons of big integers. Measured
 * (BaggingCertificateTest.tenThousandPointsAtNOneThousandTakeWellUnderASecond, 2 cores shared with other
 * jobs): the 10,000 points of an N = 1,000 run at n = 60,000 (k = 30: mean radius 1,126; k = 100: 340),
 * bounds from Clopper–Pearson, certify in 65 to 95 ms cold (JIT and thresholds included) and 31 to 53 ms
 * warm (best of 5) in the fastest run, i.e. 3 to 5 microseconds a point, and in 0.3 to 0.8 s cold and
 * 0.13 to 0.2 s warm in the slowest (load averages of 12 to 18 on the 2 cores throughout).
 */
public final class BaggingCertificate {
  /** The radius reported when the bounds certify nothing: p_A <= p_B. */
  public static final int ABSTAIN = L0Certificate.ABSTAIN;
  /** What the radius counts, for reports and axes. */
  public static final String UNIT =
      "poisoned training examples (each modified, inserted or deleted example counts one)";

  private final int n;
  private final int k;
  private final boolean withReplacement;
  /** w(n), the common denominator of every margin. */
  private final BigInteger cleanWeight;

  /** The worst poisoned size n' and the margin's numerator over w(n), per radius, computed on demand. */
  private final ConcurrentHashMap<Integer, Worst> worst = new ConcurrentHashMap<>();

  private record Worst(long poisonedSize, BigInteger marginNumerator) {}

  private BaggingCertificate(int n, int k, boolean withReplacement) {
    this.n = n;
    this.k = k;
    this.withReplacement = withReplacement;
    this.cleanWeight = weight(n);
  }

  /**
   * The certificate for n training examples and bags of k, drawn with or without replacement.
   *
   * @throws IllegalArgumentException naming the bad parameter
   */
  public static BaggingCertificate of(int n, int k, boolean withReplacement) {
    if (n < 1) {
      throw new IllegalArgumentException("the training set size n must be at least 1, got " + n);
    }
    if (k < 1) {
      throw new IllegalArgumentException("the bag size k must be at least 1, got " + k);
    }
    if (!withReplacement && k > n) {
      throw new IllegalArgumentException(
          "the bag size k = " + k + " exceeds the training set size n = " + n + " without replacement");
    }
    return new BaggingCertificate(n, k, withReplacement);
  }

  public int trainingSize() {
    return n;
  }

  public int bagSize() {
    return k;
  }

  public boolean withReplacement() {
    return withReplacement;
  }

  /**
   * The margin p_A - p_B that radius r needs, exact: r is certified iff p_A - p_B is strictly above it.
   * marginNeeded(0) = 0; it increases with r, and from some r on it is at least 1 (nothing certifies).
   */
  public BigFraction marginNeeded(int r) {
    return new BigFraction(worst(r).marginNumerator(), cleanWeight);
  }

  /** marginNeeded(r) rounded up to a double (for display; comparisons use the exact value). */
  public double marginNeededUp(int r) {
    BigFraction t = marginNeeded(r);
    double d = new BigDecimal(t.getNumerator()).divide(new BigDecimal(t.getDenominator()), 40, RoundingMode.UP)
        .round(new MathContext(17, RoundingMode.UP)).doubleValue();
    // The decimal-to-double conversion rounds to nearest: step up if that went below the exact value.
    return new BigFraction(d).compareTo(t) < 0 ? Math.nextUp(d) : d;
  }

  /** The poisoned training set size n' at which the attack on radius r is worst (the maximiser above). */
  public long worstPoisonedSize(int r) {
    return worst(r).poisonedSize();
  }

  /**
   * The largest radius certifiable at all, by the strongest bounds p_A = 1, p_B = 0: the last r whose
   * margin is below 1.
   */
  public int largestCertifiableRadius() {
    return radiusForMargin(BigInteger.ONE, BigInteger.ONE, Integer.MAX_VALUE);
  }

  /**
   * The certified poisoning size (Theorem 1): the largest r <= maxRadius such that every training set
   * within poisoning size r of the clean one still predicts the top class, or {@link #ABSTAIN} when
   * pLower <= pUpper. Returns maxRadius itself when the true radius is at least that large.
   *
   * @param pLower lower bound on the top class's probability p_A
   * @param pUpper upper bound on every other class's probability p_B (clipped to 1 - pLower)
   */
  public int radius(double pLower, double pUpper, int maxRadius) {
    if (!(pLower >= 0 && pLower <= 1 && pUpper >= 0 && pUpper <= 1)) {
      throw new IllegalArgumentException("bounds must be in [0, 1], got " + pLower + " and " + pUpper);
    }
    if (maxRadius < 0) {
      throw new IllegalArgumentException("maxRadius must be >= 0, got " + maxRadius);
    }
    if (!(pLower > pUpper)) {
      return ABSTAIN;
    }
    BigFraction a = new BigFraction(pLower);
    BigFraction b = new BigFraction(pUpper);
    BigFraction notA = BigFraction.ONE.subtract(a);
    BigFraction margin = a.subtract(b.compareTo(notA) > 0 ? notA : b);
    return radiusForMargin(margin.getNumerator(), margin.getDenominator(), maxRadius);
  }

  /** The largest r <= maxRadius with num / den > marginNeeded(r); r = 0 holds for any positive margin. */
  private int radiusForMargin(BigInteger num, BigInteger den, int maxRadius) {
    BigInteger scaled = num.multiply(cleanWeight);
    long lo = 0; // certified
    long hi = 1; // to be tested
    while (true) {
      if (hi > maxRadius) {
        hi = maxRadius + 1L;
        break;
      }
      if (!certifies(scaled, den, (int) hi)) {
        break;
      }
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (certifies(scaled, den, (int) mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (int) lo;
  }

  /** margin * w(n) > marginNumerator(r), with margin = scaled / (w(n) den). */
  private boolean certifies(BigInteger scaled, BigInteger den, int r) {
    Worst w = worst.get(r);
    if (w == null) {
      if (hopeless(r)) {
        return false;
      }
      w = worst(r);
    }
    return scaled.compareTo(w.marginNumerator().multiply(den)) > 0;
  }

  /**
   * True when marginNeeded(r) >= 1 is evident at n' = n (2 w(n - r) <= w(n)): no margin certifies r, and
   * nothing is cached for it.
   */
  private boolean hopeless(int r) {
    return weight((long) n - r).shiftLeft(1).compareTo(cleanWeight) <= 0;
  }

  private Worst worst(int r) {
    if (r < 0) {
      throw new IllegalArgumentException("radius must be >= 0: " + r);
    }
    return worst.computeIfAbsent(r, this::computeWorst);
  }

  private Worst computeWorst(int r) {
    // The maximiser over n' in [n - r, n] is n; over [n, n + r] the first m with g(m + 1) <= g(m): n
    // itself at every certifiable radius (the corollary), so that is tried first.
    long lo = n;
    long hi = (long) n + r;
    BigInteger atN = g(n, r);
    if (r == 0 || g(n + 1L, r).compareTo(atN) <= 0) {
      return new Worst(n, cleanWeight.add(atN));
    }
    lo = n + 1L;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (g(mid + 1, r).compareTo(g(mid, r)) <= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return new Worst(lo, cleanWeight.add(g(lo, r)));
  }

  /** g(n') = w(n') - 2 w(max(n, n') - r). */
  private BigInteger g(long poisonedSize, int r) {
    long overlap = Math.max(n, poisonedSize) - r;
    return weight(poisonedSize).subtract(weight(overlap).shiftLeft(1));
  }

  /** w(m): m^k with replacement, m (m - 1) ... (m - k + 1) without; 0 for m < 1, resp. m < k. */
  BigInteger weight(long m) {
    if (m <= 0 || (!withReplacement && m < k)) {
      return BigInteger.ZERO;
    }
    if (withReplacement) {
      return BigInteger.valueOf(m).pow(k);
    }
    return fallingFactorial(m, k);
  }

  /** m (m - 1) ... (m - j + 1), by halves so the factors stay balanced. */
  private static BigInteger fallingFactorial(long m, int j) {
    if (j == 0) {
      return BigInteger.ONE;
    }
    if (j <= 16) {
      BigInteger p = BigInteger.valueOf(m);
      for (int i = 1; i < j; i++) {
        p = p.multiply(BigInteger.valueOf(m - i));
      }
      return p;
    }
    int half = j / 2;
    return fallingFactorial(m, half).multiply(fallingFactorial(m - half, j - half));
  }
}
