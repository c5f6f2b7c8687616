package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The confidence a split proves: each bound a point may need is a failure event at the split's alpha per
 * bound, and when the top class is picked from the same votes every class's bound may be the one needed.
 */
class AlphaSplitTest {
  @Test
  void thePaperProtocolProvesOneMinusCAlpha() {
    // alpha / m, no class split, two classes: either class's bound may fail, 1 - 2 alpha.
    AlphaSplit paper = AlphaSplit.of(1e-3, 1000, 2, false);
    assertEquals(0.998, paper.provenConfidence(), 1e-12);
    assertEquals(0.002, paper.provenAlpha(), 1e-15);
    assertEquals(0.99, AlphaSplit.of(1e-3, 1000, 10, false).provenConfidence(), 1e-12);
    // With the runner-up bound: c lower and c upper bounds may be needed, each at alpha / (m c).
    assertEquals(0.998, AlphaSplit.of(1e-3, 1000, 10, false, true, false).provenConfidence(), 1e-12);
  }

  @Test
  void aSplitThatPaysForEveryBoundProvesOneMinusAlpha() {
    assertEquals(0.999, AlphaSplit.of(1e-3, 1000, 2, true).provenConfidence(), 1e-12);
    assertEquals(0.999, AlphaSplit.of(1e-3, 1000, 10, true, true, false).provenConfidence(), 1e-12);
    // Two-sample: the classes are chosen by other votes, nothing is left unpaid (with or without the split).
    assertEquals(0.999, AlphaSplit.of(1e-3, 1000, 10, false, true, true).provenConfidence(), 1e-12);
    assertEquals(0.999, AlphaSplit.of(1e-3, 1000, 2, false, false, true).provenConfidence(), 1e-12);
  }

  @Test
  void noConfidenceBelowZero() {
    assertEquals(0, AlphaSplit.of(0.2, 10, 10, false).provenConfidence(), 0);
  }
}
