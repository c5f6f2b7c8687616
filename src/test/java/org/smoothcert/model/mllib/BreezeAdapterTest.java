package org.smoothcert.model.mllib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smoothcert.model.Minimizer;

class BreezeAdapterTest {
  private static final double[] CENTRE = {3, -1, 0.5, 2};

  /** sum_i (i + 1) (x_i - c_i)^2: a convex quadratic whose minimum is {@link #CENTRE}. */
  private static double quadratic(double[] x, double[] gradient) {
    double value = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - CENTRE[i];
      value += (i + 1) * d * d;
      gradient[i] = 2 * (i + 1) * d;
    }
    return value;
  }

  @Test
  void minimisesAQuadraticAndCountsItsWork() {
    double[] start = new double[4];
    Minimizer.Minimum minimum =
        new BreezeAdapter(100, 10, 1e-10).minimize(BreezeAdapterTest::quadratic, start);
    assertArrayEquals(CENTRE, minimum.x(), 1e-6);
    assertArrayEquals(new double[4], start);
    assertTrue(minimum.iterations() >= 1);
    assertTrue(minimum.costEvaluations() >= minimum.iterations() + 1);
  }

  @Test
  void stopsAtMaxIter() {
    Minimizer.Minimum minimum =
        new BreezeAdapter(1, 10, 0).minimize(BreezeAdapterTest::quadratic, new double[4]);
    assertEquals(1, minimum.iterations());
  }
}
