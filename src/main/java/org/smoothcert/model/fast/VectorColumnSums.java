package org.smoothcert.model.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnSums} in the JDK's vector API, loaded only when the module is present. Lane-wise
 * {@code mul} and {@code add} round as the scalar operations do, and the order of the additions is
 * the scalar loop's, so the results are the same bits, whatever the number of lanes.
 */
final class VectorColumnSums {
  /** The species of every fast-path kernel: the preferred one unless {@link VectorLanes} forces a width. */
  static final VectorSpecies<Double> SPECIES = VectorLanes.FORCED == 0 ? DoubleVector.SPECIES_PREFERRED
      : VectorSpecies.of(double.class, VectorShape.forBitSize(64 * VectorLanes.FORCED));

  private VectorColumnSums() {}

  static int preferredLanes() {
    return DoubleVector.SPECIES_PREFERRED.length();
  }

  static void addScaled(double a, double[] x, int offset, double[] y, int yOffset, int length) {
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += SPECIES.length()) {
      DoubleVector sum = DoubleVector.fromArray(SPECIES, y, yOffset + i)
          .add(DoubleVector.fromArray(SPECIES, x, offset + i).mul(a));
      sum.intoArray(y, yOffset + i);
    }
    ColumnSums.scalarAddScaled(a, x, offset + i, y, yOffset + i, length - i);
  }

  static void addScaled4(double a1, int o1, double a2, int o2, double a3, int o3, double a4, int o4,
      double[] x, double[] y, int yOffset, int length) {
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += SPECIES.length()) {
      DoubleVector sum = DoubleVector.fromArray(SPECIES, y, yOffset + i)
          .add(DoubleVector.fromArray(SPECIES, x, o1 + i).mul(a1))
          .add(DoubleVector.fromArray(SPECIES, x, o2 + i).mul(a2))
          .add(DoubleVector.fromArray(SPECIES, x, o3 + i).mul(a3))
          .add(DoubleVector.fromArray(SPECIES, x, o4 + i).mul(a4));
      sum.intoArray(y, yOffset + i);
    }
    ColumnSums.scalarAddScaled4(a1, o1 + i, a2, o2 + i, a3, o3 + i, a4, o4 + i, x, y, yOffset + i, length - i);
  }
}
