package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.smoothcert.votes.VoteCounts;

/** The runner-up bound: Lee et al.'s certificate with p_A and p_B, against hand-derived numbers. */
class RunnerUpBoundTest {
  // beta = 0.9, binary pixels, 10 classes: the labels' domain (d = 10) is the worst case. One perturbed
  // coordinate splits the outcomes into s = +1 (x: 9/10, x': 1/90), s = 0 (8/90, 8/90), s = -1 (1/90, 9/10).
  private final L0Certificate tenClasses = L0Certificate.of(0.9, 2, 10);

  @Test
  void worstCaseMassFollowsTheRegionsByHand() {
    // p = 0.993 takes s = +1 and s = 0 whole (x mass 0.98889, x' mass 0.1) and the rest of its x mass
    // from s = -1 at 81 times the x' mass.
    BigFraction p = new BigFraction(993, 1000);
    BigFraction expected = new BigFraction(1, 10)
        .add(p.subtract(new BigFraction(9, 10)).subtract(new BigFraction(8, 90)).multiply(81));
    assertEquals(expected, tenClasses.worstCaseMass(p, 1));
    assertEquals(0.433, expected.doubleValue(), 5e-4);
    assertEquals(new BigFraction(1, 90), tenClasses.worstCaseMass(new BigFraction(9, 10), 1));
    assertEquals(BigFraction.ONE, tenClasses.worstCaseMass(BigFraction.ONE, 3));
    assertEquals(new BigFraction(993, 1000), tenClasses.worstCaseMass(new BigFraction(993, 1000), 0));
  }

  @Test
  void runnerUpBoundCertifiesMoreWhenTheOtherVotesAreSpread() {
    // Alone, p_A = 0.993 needs worstCaseMass > 1/2 at r = 1 and has 0.433: radius 0. With the
    // runner-up bounded by 0.001, the other side is worstCaseMass(0.999) = 0.1 + 0.0101 * 81 = 0.918,
    // and 0.433 + 0.918 > 1: radius 1.
    assertEquals(0, tenClasses.radius(0.993, L0Certificate.DEFAULT_MAX_RADIUS));
    assertEquals(1, tenClasses.radius(0.993, 0.001, L0Certificate.DEFAULT_MAX_RADIUS));
    assertEquals(0, tenClasses.radius(0.993, 0.007, L0Certificate.DEFAULT_MAX_RADIUS));
    assertEquals(L0Certificate.ABSTAIN, tenClasses.radius(0.4, 0.4, L0Certificate.DEFAULT_MAX_RADIUS));
    assertEquals(0, tenClasses.radius(0.4, 0.3, L0Certificate.DEFAULT_MAX_RADIUS));
  }

  @Test
  void withTheComplementItIsTheSingleBoundCertificate() {
    L0Certificate binary = L0Certificate.of(0.8, 2, 2);
    for (double p = 0.5; p < 1; p += 0.00731) {
      assertEquals(binary.radius(p, 50), binary.radius(p, 1 - p, 50), "p=" + p);
      assertEquals(tenClasses.radius(p, 50), tenClasses.radius(p, 1 - p, 50), "p=" + p);
    }
  }

  @Test
  void certifierBoundsEveryOtherClass() {
    // 10 classes, N = 100,000: 99,350 for class 3, the other 650 spread (at most 75 each).
    int n = 100_000;
    int[] counts = {75, 75, 75, 99_350, 75, 50, 75, 75, 75, 75};
    VoteCounts votes = VoteCounts.of(1, 10, n, counts);
    AlphaSplit single = AlphaSplit.of(1e-3, 1, 10, false, false, false);
    AlphaSplit pair = AlphaSplit.of(1e-3, 1, 10, false, true, false);
    assertEquals(1e-4, pair.perBound(), 1e-18); // one lower bound and nine upper bounds
    Certificate one = new Certifier(tenClasses, single, 100).certify(votes, 0);
    Certificate two = new Certifier(tenClasses, pair, 100).certify(votes, 0);
    assertEquals(3, two.label());
    assertEquals(0, one.radius());
    assertEquals(1, two.radius());
    assertTrue(two.pUpperOthers() < 1 - two.pLower());
    assertEquals(75, votes.largestOther(0, 3));
  }

  @Test
  void twoSampleRunnerUpIsBoundedOnTheEstimationVotesOfEveryOtherClass() {
    // The selection votes pick class 0 and rank class 1 second, but the estimation votes give class 2
    // 60%: the upper bound must cover class 2, so nothing is certified.
    VoteCounts selection = VoteCounts.of(1, 3, 100, new int[] {60, 30, 10});
    VoteCounts estimation = VoteCounts.of(1, 3, 10_000, new int[] {4_000, 0, 6_000});
    AlphaSplit split = AlphaSplit.of(1e-3, 1, 3, true, true, true);
    assertEquals(1 + 2, split.boundsPerPoint(), "no class split in two-sample mode; two other classes");
    Certificate c = new Certifier(L0Certificate.of(0.9, 2, 3), split, 100).certify(selection, estimation, 0);
    assertTrue(c.pUpperOthers() > 0.58, "bound on class 2: " + c.pUpperOthers());
    assertTrue(c.abstained());
  }

  @Test
  void alphaSplitCountsTheBoundsOfEachPoint() {
    // Chosen from the same votes: c lower and c upper bounds per point.
    AlphaSplit both = AlphaSplit.of(1e-3, 1000, 10, true, true, false);
    assertEquals(1e-3 / 1000 / 20, both.perBound(), 1e-20);
    assertEquals("alpha/(m*20) = 0.001/(1000*20) = 5.000e-08 (10 lower + 10 upper bounds per point)", both.describe());
    // The paper's protocol with the runner-up bound: one lower bound, nine upper bounds.
    assertEquals(10, AlphaSplit.of(1e-3, 1000, 10, false, true, false).boundsPerPoint());
    assertEquals("alpha/m = 0.001/1000 = 1.000e-06", AlphaSplit.of(1e-3, 1000, 2, false).describe());
  }
}
