package org.smoothcert.model.mllib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightDecayTest {
  @Test
  void decaysTheMatricesOfBothLayersButNotTheBiases() {
    // layers [2, 1, 2]: W1 (1x2) at 0..1, b1 at 2, W2 (2x1) at 3..4, b2 at 5..6
    double[] w = {1, 2, 3, 4, 5, 6, 7};
    double[] gradient = new double[7];
    double value = new WeightDecay(0.5, new int[] {2, 1, 2}).add(w, gradient);
    assertEquals(0.25 * (1 + 4 + 16 + 25), value, 1e-15);
    assertArrayEquals(new double[] {0.5, 1, 0, 2, 2.5, 0, 0}, gradient, 1e-15);
  }

  @Test
  void logisticRegressionHasOneMatrix() {
    double[] w = {1, -1, 2, 3, 9, 9};
    double[] gradient = {1, 1, 1, 1, 1, 1};
    double value = new WeightDecay(2, new int[] {2, 2}).add(w, gradient);
    assertEquals(1 + 1 + 4 + 9, value, 1e-15);
    assertArrayEquals(new double[] {3, -1, 5, 7, 1, 1}, gradient, 1e-15);
  }

  @Test
  void zeroDecayAddsNothing() {
    double[] gradient = {0.25, 0.5};
    assertEquals(0.0, new WeightDecay(0, new int[] {1, 1}).add(new double[] {3, 4}, gradient));
    assertArrayEquals(new double[] {0.25, 0.5}, gradient);
  }
}
