package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureLevelsTest {
  @Test
  void binaryValuesStayZeroAndOne() {
    assertEquals(0.0, FeatureLevels.level(0, 2));
    assertEquals(1.0, FeatureLevels.level(1, 2));
  }

  @Test
  void aWiderDomainSpansTheUnitInterval() {
    assertEquals(1.0 / 3, FeatureLevels.level(1, 4));
    assertEquals(1.0, FeatureLevels.level(3, 4));
    assertEquals(1.0, FeatureLevels.level(255, 256));
  }

  @Test
  void rowsBecomeColumnsFromTheGivenRowAndOffset() {
    byte[] features = {0, 1, 2, 3, (byte) 3, 0};
    double[] out = new double[5];
    FeatureLevels.toColumns(features, 1, 2, 2, 4, out, 1);
    assertArrayEquals(new double[] {0, 2.0 / 3, 1, 1, 0}, out);
  }

  @Test
  void valuesOutsideTheDomainAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> FeatureLevels.toColumns(new byte[] {0, 2}, 0, 1, 2, 2, new double[2], 0));
    assertThrows(IllegalArgumentException.class,
        () -> FeatureLevels.toColumns(new byte[] {(byte) 200}, 0, 1, 1, 4, new double[1], 0));
  }
}
