package org.smoothcert.model.fast;

/**
 * The sparse cost's inner loop: adding scaled weight columns (or scaled deltas into gradient
 * columns), {@code y[yOffset, +length) += a * x[offset, +length)}, one column or four at a time. The
 * vectors are as short as the hidden layer is wide (32 by default), too short for C2's automatic
 * vector loop to run much; with the JDK's vector API present ({@code --add-modules
 * jdk.incubator.vector}, which the launcher and spark-submit add) {@link VectorColumnSums} does the
 * same arithmetic in explicit SIMD lanes. Both add left to right without fused multiply-adds, so both
 * give the same bits.
 */
final class ColumnSums {
  static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private ColumnSums() {}

  static void addScaled(double a, double[] x, int offset, double[] y, int yOffset, int length) {
    if (VECTOR_API) {
      VectorColumnSums.addScaled(a, x, offset, y, yOffset, length);
    } else {
      scalarAddScaled(a, x, offset, y, yOffset, length);
    }
  }

  /** Four {@link #addScaled} calls in one pass: {@code y + a1 x1 + a2 x2 + a3 x3 + a4 x4}, in that order. */
  static void addScaled4(double a1, int o1, double a2, int o2, double a3, int o3, double a4, int o4,
      double[] x, double[] y, int yOffset, int length) {
    if (VECTOR_API) {
      VectorColumnSums.addScaled4(a1, o1, a2, o2, a3, o3, a4, o4, x, y, yOffset, length);
    } else {
      scalarAddScaled4(a1, o1, a2, o2, a3, o3, a4, o4, x, y, yOffset, length);
    }
  }

  static void scalarAddScaled(double a, double[] x, int offset, double[] y, int yOffset, int length) {
    for (int i = 0; i < length; i++) {
      y[yOffset + i] += a * x[offset + i];
    }
  }

  static void scalarAddScaled4(double a1, int o1, double a2, int o2, double a3, int o3, double a4, int o4,
      double[] x, double[] y, int yOffset, int length) {
    for (int i = 0; i < length; i++) {
      y[yOffset + i] = y[yOffset + i] + a1 * x[o1 + i] + a2 * x[o2 + i] + a3 * x[o3 + i] + a4 * x[o4 + i];
    }
  }
}
