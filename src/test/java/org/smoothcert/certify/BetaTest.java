package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The one place beta's rules are written: its range and its margin over chance, both exact. */
class BetaTest {
  @Test
  void rangeIsOpenAtBothEndsAndOneIsBagFlipsOnly() {
    for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Beta.requireInRange("beta", bad, IllegalArgumentException::new));
      assertEquals("beta must be in (0.0, 1.0), got " + bad, e.getMessage());
    }
    assertEquals(0.9, Beta.requireInRange("beta", 0.9, IllegalArgumentException::new));
    assertEquals(1.0, Beta.requireInRangeOrOne("beta", 1.0, IllegalArgumentException::new));
    assertThrows(IllegalArgumentException.class, () -> Beta.requireInRangeOrOne("b", 1.01, IllegalArgumentException::new));
  }

  @Test
  void aboveChanceIsExactAtTheBoundary() {
    // 1/3 as a double prints as 0.3333333333333333 < 1/3: refused; the next double up is above 1/3.
    double third = 1.0 / 3;
    assertThrows(IllegalStateException.class,
        () -> Beta.requireAboveChance("--beta", third, 3, 10, IllegalStateException::new));
    Beta.requireAboveChance("--beta", Math.nextUp(third), 3, 10, IllegalStateException::new);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Beta.requireAboveChance("smoothing.beta", 0.5, 256, 2, IllegalStateException::new));
    assertTrue(e.getMessage().startsWith("smoothing.beta must be above 1/2 for a domain of 2 values (256 feature"
        + " values, 2 classes"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> Beta.requireAboveChance("b", new BigFraction(1, 2), 2, 2, IllegalStateException::new));
  }

  @Test
  void exactIsTheDecimalBetaPrintsAs() {
    assertEquals(new BigFraction(9, 10), Beta.exact(0.9));
    assertEquals(BigFraction.ONE, Beta.exact(1.0));
    assertEquals(new BigFraction(3, 1000), Beta.exact(0.003));
  }
}
