package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class CeilingTest {
  private final L0Certificate paper = L0Certificate.of(0.9, 2, 2);

  @Test
  void paperSettingCertifiesAtMostRadiusTwo() {
    Ceiling ceiling = new Ceiling(paper, 10_000, 1e-3 / 1000);
    assertEquals(2, ceiling.maxRadius());
    assertEquals(9_551, ceiling.votesNeeded(1));
    assertEquals(9_973, ceiling.votesNeeded(2));
    assertEquals(-1, ceiling.votesNeeded(3));
  }

  @Test
  void votesNeededIsTheFirstCountAboveTheThreshold() {
    Ceiling ceiling = new Ceiling(paper, 10_000, 5e-7);
    for (int r = 0; r <= 2; r++) {
      long k = ceiling.votesNeeded(r);
      BigFraction t = paper.threshold(r);
      assertTrue(new BigFraction(ClopperPearson.lower(k, 10_000, 5e-7)).compareTo(t) > 0);
      assertTrue(new BigFraction(ClopperPearson.lower(k - 1, 10_000, 5e-7)).compareTo(t) <= 0);
    }
  }

  @Test
  void classifiersNeededForRadiusThree() {
    long n = Ceiling.classifiersNeeded(paper, 3, 1e-6);
    assertTrue(n > 10_000);
    assertEquals(3, new Ceiling(paper, n, 1e-6).maxRadius());
    assertEquals(2, new Ceiling(paper, n - 1, 1e-6).maxRadius());
  }
}
