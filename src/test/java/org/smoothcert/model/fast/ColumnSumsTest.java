package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector-API kernel gives the scalar loop's bits, at every length around the lane counts. */
class ColumnSumsTest {
  @Test
  void theTestsRunWithTheVectorApi() {
    assertTrue(ColumnSums.VECTOR_API, "surefire adds --add-modules jdk.incubator.vector");
  }

  @Test
  void vectorAndScalarSumsAreTheSameBits() {
    Random random = new Random(5);
    double[] x = new double[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
    }
    for (int length = 0; length <= 70; length++) {
      double[] start = new double[length + 3];
      for (int i = 0; i < start.length; i++) {
        start[i] = random.nextGaussian();
      }
      double[] scalar = start.clone();
      double[] vector = start.clone();
      ColumnSums.scalarAddScaled(0.37, x, 11, scalar, 2, length);
      VectorColumnSums.addScaled(0.37, x, 11, vector, 2, length);
      assertArrayEquals(scalar, vector, "one column, length " + length);
      ColumnSums.scalarAddScaled4(1.0, 5, 0.5, 90, 1.0 / 3, 170, 2.0, 300, x, scalar, 1, length);
      VectorColumnSums.addScaled4(1.0, 5, 0.5, 90, 1.0 / 3, 170, 2.0, 300, x, vector, 1, length);
      assertArrayEquals(scalar, vector, "four columns, length " + length);
    }
  }
}
