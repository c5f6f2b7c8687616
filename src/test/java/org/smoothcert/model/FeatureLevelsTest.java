package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.smoothcert.data.FeatureDomains;

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
    FeatureLevels.of(FeatureDomains.uniform(2, 4)).toColumns(features, 1, 2, out, 1);
    assertArrayEquals(new double[] {0, 2.0 / 3, 1, 1, 0}, out);
  }

  @Test
  void eachColumnIsScaledByItsOwnDomain() {
    byte[] features = {1, 1, 1, 0, 3, 2};
    double[] out = new double[6];
    FeatureLevels.of(FeatureDomains.of(new int[] {2, 4, 3})).toColumns(features, 0, 2, out, 0);
    assertArrayEquals(new double[] {1, 1.0 / 3, 0.5, 0, 1, 1}, out);
  }

  @Test
  void valuesOutsideTheDomainAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> FeatureLevels.of(FeatureDomains.uniform(2, 2)).toColumns(new byte[] {0, 2}, 0, 1, new double[2], 0));
    assertThrows(IllegalArgumentException.class,
        () -> FeatureLevels.of(FeatureDomains.uniform(1, 4)).toColumns(new byte[] {(byte) 200}, 0, 1, new double[1], 0));
    assertThrows(IllegalArgumentException.class,
        () -> FeatureLevels.of(FeatureDomains.of(new int[] {4, 2})).toColumns(new byte[] {3, 2}, 0, 1, new double[2], 0));
  }
}
