package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The array L-BFGS's kernels compute what they say, at every length around their unrolling, and the
 * vector-API dot product gives the scalar one's bits (so votes do not depend on the JVM's modules).
 */
class LbfgsKernelsTest {
  @Test
  void vectorAndScalarDotProductsAreTheSameBits() {
    assertTrue(ColumnSums.VECTOR_API, "surefire adds --add-modules jdk.incubator.vector");
    org.junit.jupiter.api.Assumptions.assumeTrue(VectorLbfgsKernels.supported(),
        "this machine's vectors are not 2, 4 or 8 doubles wide: the scalar code runs");
    Random random = new Random(13);
    int[] lengths = new int[43];
    for (int i = 0; i < 41; i++) {
      lengths[i] = i;
    }
    lengths[41] = 25_186;
    lengths[42] = 50_370;
    for (int length : lengths) {
      double[] a = new double[length];
      double[] b = new double[length];
      for (int i = 0; i < length; i++) {
        a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
        b[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
      }
      assertEquals(Double.doubleToRawLongBits(LbfgsKernels.scalarDot(a, b)),
          Double.doubleToRawLongBits(VectorLbfgsKernels.dot(a, b)), "length " + length);
      double[] v = b.clone();
      double[] scalarY = a.clone();
      double[] vectorY = a.clone();
      for (int j = 0; j < length; j++) {
        scalarY[j] = (scalarY[j] + -0.37 * v[j]) * 1.5;
      }
      double scalar = LbfgsKernels.scalarDot(b, scalarY);
      double vector = VectorLbfgsKernels.axpyScaleDot(-0.37, v, vectorY, 1.5, b);
      org.junit.jupiter.api.Assertions.assertArrayEquals(scalarY, vectorY, "axpy, length " + length);
      assertEquals(Double.doubleToRawLongBits(scalar), Double.doubleToRawLongBits(vector), "length " + length);
    }
  }

  @Test
  void dotAndFusedAxpyAgreeWithTheirDefinitions() {
    Random random = new Random(11);
    for (int length = 0; length <= 40; length++) {
      double[] a = new double[length];
      double[] b = new double[length];
      double[] v = new double[length];
      for (int i = 0; i < length; i++) {
        a[i] = random.nextGaussian();
        b[i] = random.nextGaussian();
        v[i] = random.nextGaussian();
      }
      double expectedDot = 0;
      double[] expectedY = new double[length];
      double expectedFused = 0;
      for (int i = 0; i < length; i++) {
        expectedDot += a[i] * b[i];
        expectedY[i] = (b[i] - 0.61 * v[i]) * 0.37;
        expectedFused += a[i] * expectedY[i];
      }
      String what = "length " + length;
      assertEquals(expectedDot, LbfgsKernels.dot(a, b), 1e-12, what);
      double[] y = b.clone();
      assertEquals(expectedFused, LbfgsKernels.axpyScaleDot(-0.61, v, y, 0.37, a), 1e-12, what);
      assertArrayEquals(expectedY, y, what);
      double[] alone = b.clone();
      assertEquals(0.0, LbfgsKernels.axpyScaleDot(-0.61, v, alone, 0.37, null), what);
      assertArrayEquals(expectedY, alone, what);
    }
  }

  @Test
  void theFusedDotIsTheDotOfTheUpdatedVector() {
    double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    double[] v = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] w = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    // y = (y + 2 v) * -1 = -(3..13); w.y = -3 + 2 * -13
    double fused = LbfgsKernels.axpyScaleDot(2, v, y, -1.0, w);
    assertEquals(-29.0, fused);
    assertArrayEquals(new double[] {-3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13}, y);
    assertEquals(Double.doubleToRawLongBits(LbfgsKernels.dot(w, y)), Double.doubleToRawLongBits(fused));
  }
}
