package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smoothcert.votes.VoteCounts;

class CertifierTest {
  @Test
  void certifiesHandMadeVotes() {
    // 4 points, 2 classes, N = 10,000: unanimous, 9,980 (r = 2 at alpha/m), 9,600 (r = 1), 5,000 (abstain).
    int n = 10_000;
    int[] counts = {n, 0, 20, 9_980, 9_600, 400, 5_000, 5_000};
    VoteCounts votes = VoteCounts.of(4, 2, n, counts);
    AlphaSplit split = AlphaSplit.of(1e-3, 1000, 2, false);
    Certifier certifier = new Certifier(L0Certificate.of(0.9, 2, 2), split, 100);
    Certificate[] c = new Certificate[4];
    for (int i = 0; i < 4; i++) {
      c[i] = certifier.certify(votes, i);
    }
    assertEquals(0, c[0].label());
    assertEquals(2, c[0].radius());
    assertEquals(1, c[1].label());
    assertEquals(2, c[1].radius());
    assertEquals(0, c[2].label());
    assertEquals(1, c[2].radius());
    assertTrue(c[3].abstained());
    assertEquals(L0Certificate.ABSTAIN, c[3].radius());
    assertEquals(5_000, c[3].topVotes());

    int[] truth = {0, 0, 0, 0};
    double[] curve = CertifiedAccuracy.curve(c, truth, 3);
    // r=0: points 0 and 2 are correct (1 is wrong, 3 abstains); r=1: both; r=2: only point 0.
    assertArrayEquals(new double[] {0.5, 0.5, 0.25, 0.0}, curve);
  }

  @Test
  void classSplitHalvesAlphaPerBound() {
    assertEquals(1e-6, AlphaSplit.of(1e-3, 1000, 2, false).perBound(), 1e-20);
    assertEquals(5e-7, AlphaSplit.of(1e-3, 1000, 2, true).perBound(), 1e-20);
    assertEquals(1e-7, AlphaSplit.of(1e-3, 1000, 10, true).perBound(), 1e-20);
  }
}
