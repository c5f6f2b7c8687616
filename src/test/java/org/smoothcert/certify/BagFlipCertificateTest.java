package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.certify.BruteForceBagFlip.Example;
import org.smoothcert.certify.BruteForceBagFlip.Outcome;

class BagFlipCertificateTest {
  private static final BigFraction[] PROBES = {new BigFraction(1, 7), new BigFraction(1, 2), new BigFraction(9, 10),
      new BigFraction(99, 100), new BigFraction(999, 1000), new BigFraction(1)};

  // ---- brute force of the joint bag-and-flip distribution ----

  /** A small clean training set with distinct-looking values, and its first r examples poisoned in full. */
  private static Example[] cleanSet(int n, int dim, int d, int c) {
    Example[] set = new Example[n];
    for (int i = 0; i < n; i++) {
      int[] f = new int[dim];
      for (int j = 0; j < dim; j++) {
        f[j] = (i + 2 * j) % d;
      }
      set[i] = new Example(f, i % c);
    }
    return set;
  }

  /** The first r examples with their first s features moved to the next value and the label moved too. */
  private static Example[] fullBudget(Example[] clean, int r, int s, int d, int c) {
    Example[] p = clean.clone();
    for (int i = 0; i < r; i++) {
      int[] f = clean[i].features().clone();
      for (int j = 0; j < s; j++) {
        f[j] = (f[j] + 1) % d;
      }
      p[i] = new Example(f, (clean[i].label() + 1) % c);
    }
    return p;
  }

  private static int[] trigger(int[] x, int s, int d) {
    int[] t = x.clone();
    for (int j = 0; j < s; j++) {
      t[j] = (t[j] + 1) % d;
    }
    return t;
  }

  /**
   * The closed form against the whole joint distribution (every bag, every noise outcome of every entry
   * and of the test point) of a concrete attack that spends the full budget: on the probability space of
   * the draw (indices included) the Neyman–Pearson curve is the same function, at every p.
   */
  @ParameterizedTest(name = "n={0} k={1} dim={2} d={3} c={4} s={5} R={6} beta={7}")
  @CsvSource({
      "3,2,2,2,2,1,1,9/10", // one domain: the label folds into the features
      "3,2,2,2,2,1,2,9/10",
      "3,2,2,2,3,1,1,4/5", // label domain larger: two-dimensional regions
      "2,2,1,3,2,1,1,7/10", // feature domain larger
      "3,2,1,2,3,0,1,3/4", // trigger-less: labels only, test input unchanged
      "2,2,2,2,2,2,1,3/4", // trigger of 2 features
      "2,3,1,2,2,1,1,9/10", // three draws
      "2,2,1,2,2,0,2,1/1", // no flip noise: bagging
      "2,2,1,2,2,1,1,1/1", // no flip noise and a trigger: nothing is certified
  })
  void equalsTheBruteForceWorstCaseOnTheDrawsSpace(int n, int k, int dim, int d, int c, int s, int r, String beta) {
    BigFraction b = fraction(beta);
    Example[] clean = cleanSet(n, dim, d, c);
    int[] x = new int[dim];
    List<Outcome> sorted = BruteForceBagFlip.outcomes(b, d, c, clean, fullBudget(clean, r, s, d, c), x,
        trigger(x, s, d), k, false);
    BagFlipCertificate cert = BagFlipCertificate.of(n, k, b, d, c, s);
    for (BigFraction p : PROBES) {
      assertEquals(BruteForceBagFlip.worstCaseMass(sorted, p), cert.worstCaseMass(p, r), "p=" + p);
    }
    if (b.compareTo(BigFraction.ONE) < 0 || s == 0) {
      assertEquals(BruteForceBagFlip.threshold(sorted), cert.threshold(r));
    }
  }

  /**
   * Every attack within the budget (every way to change at most s features and the label of the
   * poisoned examples, and at most s features of the test point): none is worse than the closed form,
   * and the worst one reaches it.
   */
  @ParameterizedTest(name = "n={0} k={1} dim={2} d={3} c={4} s={5} R={6}")
  @CsvSource({"2,2,2,2,2,1,1", "2,2,1,2,3,1,1", "2,2,1,2,2,1,2", "2,2,1,3,2,1,1"})
  void noAttackIsWorseThanTheClosedFormAndTheWorstReachesIt(int n, int k, int dim, int d, int c, int s, int r) {
    BigFraction beta = new BigFraction(4, 5);
    Example[] clean = cleanSet(n, dim, d, c);
    int[] x = new int[dim];
    BigFraction closed = BagFlipCertificate.of(n, k, beta, d, c, s).threshold(r);
    List<int[]> nearX = within(x, s, d);
    List<Example[]> poisonings = new ArrayList<>();
    collectPoisonings(clean, clean.clone(), 0, r, s, d, c, poisonings);
    BigFraction worst = BigFraction.ZERO;
    int attacks = 0;
    for (Example[] poisoned : poisonings) {
      for (int[] xPrime : nearX) {
        List<Outcome> sorted = BruteForceBagFlip.outcomes(beta, d, c, clean, poisoned, x, xPrime, k, false);
        BigFraction t = BruteForceBagFlip.threshold(sorted);
        assertTrue(t.compareTo(closed) <= 0, "an attack needs more than the closed form: " + t.doubleValue());
        worst = t.compareTo(worst) > 0 ? t : worst;
        attacks++;
      }
    }
    assertTrue(attacks > 10, "attacks enumerated: " + attacks);
    assertEquals(closed, worst);
  }

  /**
   * A learner sees the noised bag, not the indices drawn: merging the outcomes that look the same can only
   * make the worst case milder. The closed form (which lets the worst learner see the indices) is never
   * above it, so never optimistic; here it is strictly below somewhere.
   */
  @Test
  void theSpaceALearnerSeesIsNeverWorseThanTheClosedForm() {
    BigFraction beta = new BigFraction(4, 5);
    int n = 3;
    int k = 2;
    Example[] clean = cleanSet(n, 2, 2, 2);
    int[] x = new int[2];
    BagFlipCertificate cert = BagFlipCertificate.of(n, k, beta, 2, 2, 1);
    boolean strictly = false;
    for (int r = 1; r <= 2; r++) {
      List<Outcome> seen = BruteForceBagFlip.outcomes(beta, 2, 2, clean, fullBudget(clean, r, 1, 2, 2), x,
          trigger(x, 1, 2), k, true);
      for (BigFraction p : PROBES) {
        int cmp = cert.worstCaseMass(p, r).compareTo(BruteForceBagFlip.worstCaseMass(seen, p));
        assertTrue(cmp <= 0, "R=" + r + " p=" + p);
        strictly |= cmp < 0;
      }
    }
    assertTrue(strictly);
  }

  // ---- reductions ----

  /**
   * beta = 1 (no flips), s = 0: the bagging certificate with replacement for R modified examples (Jia,
   * Cao, Gong, AAAI 2021, Theorem 1 without their rounding of p_A and p_B to multiples of 1/n^k, which
   * needs a learner deterministic given its bag): p_A - p_B > 2 (1 - (1 - R/n)^k), computed here directly.
   */
  @Test
  void withoutFlipsItIsBaggingWithReplacement() {
    double[][] bounds = {{0.99, 0.01}, {0.9, 0.05}, {0.7, 0.3}, {0.999, 0.0005}, {0.6, 0.39}, {1.0, 0.0}};
    for (int[] nk : new int[][] {{10, 1}, {100, 5}, {1000, 50}, {13007, 100}}) {
      BagFlipCertificate cert = BagFlipCertificate.of(nk[0], nk[1], BigFraction.ONE, 2, 2, 0);
      BagFlipCertificate tenClasses = BagFlipCertificate.of(nk[0], nk[1], BigFraction.ONE, 2, 10, 0);
      for (double[] pp : bounds) {
        int expected = baggingRadius(nk[0], nk[1], pp[0], pp[1]);
        assertEquals(expected, cert.radius(pp[0], pp[1], nk[0]), "n,k=" + nk[0] + "," + nk[1] + " p=" + pp[0]);
        assertEquals(expected, tenClasses.radius(pp[0], pp[1], nk[0]));
      }
    }
    // A trigger on the test input with no noise is never certified.
    assertEquals(BagFlipCertificate.NOT_CERTIFIED, BagFlipCertificate.of(100, 5, BigFraction.ONE, 2, 2, 1)
        .radius(1.0, 0.0, 100));
  }

  private static int baggingRadius(int n, int k, double pA, double pB) {
    BigFraction gap = new BigFraction(pA).subtract(new BigFraction(pB));
    int best = -1;
    for (int r = 0; r <= n; r++) {
      BigFraction clean = new BigFraction(n - r, n).pow(k);
      if (gap.compareTo(BigFraction.ONE.subtract(clean).multiply(2)) > 0) {
        best = r;
      } else {
        break;
      }
    }
    return best;
  }

  /** The flips on the labels help: trigger-less BagFlip certifies at least what bagging does. */
  @Test
  void flipsOnTheLabelsCertifyAtLeastBagging() {
    for (double[] pp : new double[][] {{0.99, 0.01}, {0.9, 0.05}}) {
      int bagging = baggingRadius(13007, 100, pp[0], pp[1]);
      int flips = BagFlipCertificate.of(13007, 100, 0.9, 2, 2, 0).radius(pp[0], pp[1], 13007);
      assertTrue(flips >= bagging, flips + " < " + bagging);
    }
  }

  /**
   * Without bagging randomness (every classifier trains on all n examples, so all R poisoned examples are
   * in) the draw is the flip noise alone on R (s + 1) + s coordinates: s features and the label of each
   * poisoned example plus s test features. With one domain it is exactly the L0 certificate at radius
   * R (s + 1) + s; with two it lies between the L0 certificates of the smaller and of the larger domain
   * (the L0 certificate of (d_f, c) is the larger one's: it lets the attacker choose the domain of every
   * coordinate, here the labels are labels).
   */
  @Test
  void withoutBaggingItIsTheL0CertificateAtRTimesSPlusOnePlusS() {
    BigFraction beta = new BigFraction(9, 10);
    L0Certificate two = L0Certificate.of(0.9, 2, 2);
    L0Certificate three = L0Certificate.of(0.9, 3, 3);
    for (int s = 0; s <= 2; s++) {
      BagFlipCertificate same = BagFlipCertificate.withoutBagging(50, beta, 2, 2, s);
      BagFlipCertificate mixed = BagFlipCertificate.withoutBagging(50, beta, 2, 3, s);
      for (int r = 0; r <= 4; r++) {
        int l0 = r * (s + 1) + s;
        assertEquals(two.threshold(l0), same.threshold(r), "s=" + s + " R=" + r);
        BigFraction t = mixed.threshold(r);
        assertTrue(two.threshold(l0).compareTo(t) <= 0 && t.compareTo(three.threshold(l0)) <= 0, "s=" + s);
        if (r > 0 && s > 0) {
          assertTrue(t.compareTo(L0Certificate.of(0.9, 2, 3).threshold(l0)) < 0, "labels are not features");
        }
      }
    }
    // Radii: the largest R with R (s + 1) + s within the L0 radius.
    for (double p : new double[] {0.95, 0.999, 0.99999}) {
      int l0 = two.radius(p, 1000);
      int expected = l0 < 1 ? BagFlipCertificate.NOT_CERTIFIED : (l0 - 1) / 2;
      assertEquals(expected, BagFlipCertificate.withoutBagging(50, beta, 2, 2, 1).radius(p, 50), "p=" + p);
    }
  }

  /**
   * Beyond brute-force sizes, the two-dimensional regions (labels of c = 3 values, features of 2) lie
   * between all coordinates of 2 values and all of 3 (Blackwell: a coordinate of more values is the more
   * informative experiment), strictly when features change (with s = 0 only labels change: the
   * certificate of the label domain).
   */
  @Test
  void labelsOfAnotherDomainLieBetweenTheOneDomainCertificates() {
    for (int s = 0; s <= 2; s++) {
      BagFlipCertificate low = BagFlipCertificate.of(200, 10, 0.8, 2, 2, s);
      BagFlipCertificate mixed = BagFlipCertificate.of(200, 10, 0.8, 2, 3, s);
      BagFlipCertificate high = BagFlipCertificate.of(200, 10, 0.8, 3, 3, s);
      for (int r = 1; r <= 5; r++) {
        BigFraction t = mixed.threshold(r);
        assertTrue(low.threshold(r).compareTo(t) < 0, "s=" + s + " R=" + r);
        if (s == 0) {
          assertEquals(high.threshold(r), t, "labels only: the feature domain does not matter");
        } else {
          assertTrue(t.compareTo(high.threshold(r)) < 0, "s=" + s + " R=" + r);
        }
      }
    }
  }

  // ---- the reference computation ----

  /**
   * BagFlip's computation rewritten from its formulas (counts over all d coordinates, regions walked by
   * delta then by the number of poisoned entries, doubling-then-bisection over R) gives the same radius at
   * every point of a small table. Their training example counts the label among its changed coordinates
   * (d = features + 1, s of them changed): that is {@code general(.., s, 0, s)} here, and our trigger size
   * s (s features and the label) is their s + 1 for the training examples with s for the test input.
   * Their p_A table, by 13 bisection steps, is above our exact threshold by less than 2^-14: a point whose
   * p_A falls in between is certified here and not by their table.
   */
  @ParameterizedTest(name = "n={0} k={1} features={2} s={3} beta={4}")
  @CsvSource({"1000,5,5,1,4/5", "1000,8,4,2,9/10", "600,6,3,1,7/10"})
  void theReferenceComputationGivesTheSameRadii(int n, int k, int features, int s, String betaText) {
    BigFraction beta = fraction(betaText);
    int d = features + 1;
    ReferenceBagFlipBound theirs = new ReferenceBagFlipBound(beta, 1, n, d, k, s, s);
    ReferenceBagFlipBound theirsOurThreat = new ReferenceBagFlipBound(beta, 1, n, d, k, s + 1, s);
    BagFlipCertificate labelInside = BagFlipCertificate.general(n, k, beta, 2, 2, s, 0, s);
    BagFlipCertificate ours = BagFlipCertificate.of(n, k, beta, 2, 2, s);
    double[][] points = {{0.99, 0.01}, {0.999, 0.0005}, {0.9, 0.08}, {0.8, 0.2}};
    for (double[] pp : points) {
      BigFraction pa = new BigFraction(pp[0]);
      BigFraction pb = new BigFraction(pp[1]);
      // Their search does not stop at R = n (R / n > 1 is then no probability): compare up to n.
      assertEquals(Math.min(n, theirs.radius(pa, pb)), labelInside.radius(pp[0], pp[1], n), "label inside s, p=" + pp[0]);
      assertEquals(Math.min(n, theirsOurThreat.radius(pa, pb)), ours.radius(pp[0], pp[1], n), "label on top, p=" + pp[0]);
    }
    BigFraction step = new BigFraction(1, 1 << 14);
    for (int r = 0; r <= 3; r++) {
      BigFraction exact = labelInside.threshold(r);
      BigFraction bisected = theirs.bisectedThreshold(r, 13);
      assertTrue(bisected.compareTo(exact) > 0 && bisected.subtract(exact).compareTo(step) <= 0, "R=" + r);
    }
  }

  // ---- the search and the cut ----

  /** The doubling-and-bisection search finds what a scan of every R finds; the radius is monotone. */
  @Test
  void theSearchAgreesWithAScanAndIsMonotone() {
    BagFlipCertificate cert = BagFlipCertificate.of(13007, 100, 0.9, 2, 2, 1);
    Random rnd = new Random(7);
    for (int i = 0; i < 12; i++) {
      double pa = 0.6 + 0.4 * rnd.nextDouble();
      double pb = (1 - pa) * rnd.nextDouble();
      BigFraction a = new BigFraction(pa);
      BigFraction notB = BigFraction.ONE.subtract(new BigFraction(pb));
      int scan = -1;
      while (scan < 13007 && cert.certified(scan + 1, a, notB)) {
        scan++;
      }
      assertEquals(scan, cert.radius(pa, pb, 13007), "pa=" + pa + " pb=" + pb);
    }
    // Threads share the lazily built regions: the same radii as one thread.
    BagFlipCertificate shared = BagFlipCertificate.of(500, 20, 0.9, 2, 10, 1);
    double[] ps = java.util.stream.IntStream.range(0, 16).mapToDouble(i -> 0.9 + 0.1 * i / 16).toArray();
    int[] parallel = java.util.stream.IntStream.range(0, ps.length).parallel()
        .map(i -> shared.radius(ps[i], (1 - ps[i]) / 3, 500)).toArray();
    BagFlipCertificate alone = BagFlipCertificate.of(500, 20, 0.9, 2, 10, 1);
    for (int i = 0; i < ps.length; i++) {
      assertEquals(alone.radius(ps[i], (1 - ps[i]) / 3, 500), parallel[i], "p=" + ps[i]);
    }
    int previous = -1;
    for (double p = 0.5; p <= 1.0; p += 0.01) {
      int r = cert.radius(p, 1000);
      assertTrue(r >= previous, "p=" + p);
      previous = r;
    }
  }

  /**
   * The decisions taken on the regions cut at a 2^-128 binomial tail are the exact ones: against the
   * full sum over J, on both sides of each exact threshold (one double apart).
   */
  @Test
  void theCutDecidesAsTheFullSumDoes() {
    for (int[] cfg : new int[][] {{13007, 100, 2, 2, 1}, {2000, 40, 2, 10, 1}}) {
      BagFlipCertificate cert = BagFlipCertificate.of(cfg[0], cfg[1], 0.9, cfg[2], cfg[3], cfg[4]);
      for (int r : new int[] {1, 12}) {
        BagFlipCertificate fresh = BagFlipCertificate.of(cfg[0], cfg[1], 0.9, cfg[2], cfg[3], cfg[4]);
        double t = fresh.threshold(r).doubleValue();
        for (double p : new double[] {Math.nextDown(t), t, Math.nextUp(t)}) {
          BigFraction a = new BigFraction(p);
          boolean exact = fresh.worstCaseMass(a, r).compareTo(new BigFraction(1, 2)) > 0;
          assertEquals(exact, cert.certified(r, a, a), "R=" + r + " p=" + p);
        }
        // Exactly at the threshold, and 2^-300 above it: the cut cannot tell, the refinement to J = k does.
        BigFraction at = fresh.threshold(r);
        BagFlipCertificate refined = BagFlipCertificate.of(cfg[0], cfg[1], 0.9, cfg[2], cfg[3], cfg[4]);
        assertEquals(false, refined.certified(r, at, at), "R=" + r);
        BigFraction above = at.add(new BigFraction(BigInteger.ONE, BigInteger.TWO.pow(300)));
        assertEquals(true, refined.certified(r, above, above), "R=" + r);
      }
    }
  }

  /**
   * The first decision in doubles is the exact one wherever it is taken: random bounds, and bounds one
   * double away from each exact threshold (where it must step aside).
   */
  @Test
  void theDecisionInDoublesIsTheExactOne() {
    Random rnd = new Random(11);
    for (int[] cfg : new int[][] {{13007, 100, 2, 2, 0}, {13007, 100, 2, 2, 1}, {2000, 40, 2, 10, 1}}) {
      BagFlipCertificate cert = BagFlipCertificate.of(cfg[0], cfg[1], 0.8, cfg[2], cfg[3], cfg[4]);
      for (int r : new int[] {0, 3, 20, 60}) {
        for (int i = 0; i < 150; i++) {
          double pa = 0.5 + 0.5 * rnd.nextDouble();
          BigFraction a = new BigFraction(pa);
          BigFraction notB = BigFraction.ONE.subtract(new BigFraction((1 - pa) * rnd.nextDouble()));
          assertEquals(cert.certifiedExactly(r, a, notB), cert.certified(r, a, notB), "R=" + r + " p=" + pa);
        }
        double t = cert.threshold(r).doubleValue();
        for (double p : new double[] {Math.nextDown(t), t, Math.nextUp(t)}) {
          BigFraction a = new BigFraction(p);
          assertEquals(cert.certifiedExactly(r, a, a), cert.certified(r, a, a), "R=" + r + " at the threshold");
        }
      }
    }
  }

  /** p_A exactly at a threshold is not enough (strict), one step above is. */
  @Test
  void thresholdsAreStrict() {
    BagFlipCertificate cert = BagFlipCertificate.of(3, 2, new BigFraction(9, 10), 2, 2, 1);
    BigFraction t = cert.threshold(1);
    assertEquals(new BigFraction(1, 2), cert.worstCaseMass(t, 1));
    assertTrue(cert.worstCaseMass(t.add(new BigFraction(1, 1000000)), 1).compareTo(new BigFraction(1, 2)) > 0);
    assertTrue(cert.threshold(0).compareTo(t) < 0 && t.compareTo(cert.threshold(2)) < 0);
  }

  @Test
  void sampleValues() {
    // MNIST 1/7 sized: n = 13007, k = 100, beta = 0.9, binary pixels and labels.
    int[] expected = {234, 95, -1, -1};
    int[] sizes = {0, 1, 4, 9};
    for (int i = 0; i < sizes.length; i++) {
      assertEquals(expected[i], BagFlipCertificate.of(13007, 100, 0.9, 2, 2, sizes[i]).radius(0.99, 0.01, 13007),
          "s=" + sizes[i]);
    }
    assertEquals(87, baggingRadius(13007, 100, 0.99, 0.01));
  }

  @Test
  void rejectsParametersOutsideTheirRange() {
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(0, 1, 0.9, 2, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 0, 0.9, 2, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.5, 2, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.3, 3, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 1.1, 2, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.9, 2, 257, 1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.9, 2, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.9, 2, 2, 1).radius(1.5, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> BagFlipCertificate.of(10, 5, 0.9, 2, 2, 1).threshold(11));
  }

  // ---- helpers ----

  private static BigFraction fraction(String text) {
    String[] parts = text.split("/");
    return new BigFraction(new BigInteger(parts[0]), new BigInteger(parts[1]));
  }

  /** Every vector within L0 distance s of v (domain d). */
  private static List<int[]> within(int[] v, int s, int d) {
    List<int[]> out = new ArrayList<>();
    int total = 1;
    for (int i = 0; i < v.length; i++) {
      total *= d;
    }
    for (int code = 0; code < total; code++) {
      int[] w = new int[v.length];
      int c = code;
      int changed = 0;
      for (int i = 0; i < v.length; i++) {
        w[i] = c % d;
        c /= d;
        changed += w[i] != v[i] ? 1 : 0;
      }
      if (changed <= s) {
        out.add(w);
      }
    }
    return out;
  }

  /** Every poisoned set: examples 0..r-1 each moved to any example within s features and any label. */
  private static void collectPoisonings(Example[] clean, Example[] current, int i, int r, int s, int d, int c,
      List<Example[]> out) {
    if (i == r) {
      out.add(current.clone());
      return;
    }
    for (int[] f : within(clean[i].features(), s, d)) {
      for (int y = 0; y < c; y++) {
        current[i] = new Example(f, y);
        collectPoisonings(clean, current, i + 1, r, s, d, c, out);
      }
    }
    current[i] = clean[i];
  }
}
