package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smoothcert.votes.VoteCounts;

/** The votes a radius needs, decided by the run's certifier: the fewest that certify, one fewer does not. */
class VotesNeededTest {
  @Test
  void withoutTheRunnerUpBoundItIsTheThresholdRule() {
    for (int classes : new int[] {2, 10}) {
      L0Certificate certificate = L0Certificate.of(0.9, 2, classes);
      AlphaSplit split = AlphaSplit.of(1e-3, 1000, classes, true);
      VotesNeeded plan = new VotesNeeded(certificate, split, 10_000);
      Ceiling ceiling = new Ceiling(certificate, 10_000, split.perBound());
      for (int r = 0; r <= 3; r++) {
        assertEquals(ceiling.votesNeeded(r), plan.spread(r), "c=" + classes + ", r=" + r);
        assertEquals(plan.spread(r), plan.concentrated(r));
      }
    }
  }

  @Test
  void theRunnerUpBoundNeedsFewerWhenTheOthersAreSpread() {
    // MNIST 0-9 at N = 500, m = 1000, class split and runner-up bound: 20 bounds per point.
    L0Certificate certificate = L0Certificate.of(0.9, 2, 10);
    AlphaSplit split = AlphaSplit.of(1e-3, 1000, 10, true, true, false);
    VotesNeeded plan = new VotesNeeded(certificate, split, 500);
    long fewest = plan.spread(0);
    assertTrue(fewest <= 191 && fewest < plan.concentrated(0), fewest + " vs " + plan.concentrated(0));
    Certifier certifier = new Certifier(certificate, split, 1000);
    assertEquals(0, certifier.certify(spread(fewest), 0).radius());
    assertEquals(L0Certificate.ABSTAIN, certifier.certify(spread(fewest - 1), 0).radius());
  }

  /** One point of 500 votes: {@code top} for class 0, the rest spread evenly over the other nine. */
  private static VoteCounts spread(long top) {
    int[] counts = new int[10];
    counts[0] = (int) top;
    long rest = 500 - top;
    for (int c = 1; c < 10; c++) {
      counts[c] = (int) (rest / 9 + (c <= rest % 9 ? 1 : 0));
    }
    return VoteCounts.of(1, 10, 500, counts);
  }
}
