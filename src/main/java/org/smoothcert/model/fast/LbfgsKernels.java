package org.smoothcert.model.fast;

/**
 * The array L-BFGS's loops over the whole weight vector: a dot product, and an axpy followed by the dot
 * product that needs its result. A dot product is summed in eight interleaved partial sums, each a
 * chain of fused multiply-adds, added in a fixed order at the end. {@link VectorLbfgsKernels} computes
 * exactly that in vectors of 8, 4 or 2 lanes when the JDK's vector API is present (the launcher and
 * spark-submit add it): about 3 times faster than scalar code here, and the same bits, so the votes do
 * not depend on the module, the vector width, the JVM or the machine. (Without the module, {@link Math#fma} is a single
 * instruction on any x86-64 CPU with FMA3, i.e. since 2013, and a slow exact emulation before that.)
 */
final class LbfgsKernels {
  /** Whether the vector kernels run: the module is present and the species has 2, 4 or 8 double lanes. */
  static final boolean VECTOR = ColumnSums.VECTOR_API && VectorLbfgsKernels.supported();

  private LbfgsKernels() {}

  static double dot(double[] a, double[] b) {
    return VECTOR ? VectorLbfgsKernels.dot(a, b) : scalarDot(a, b);
  }

  /** Sum of a[i] * b[i]: partial sum k takes i = k mod 8 by fused multiply-adds; the tail goes to sum 0. */
  static double scalarDot(double[] a, double[] b) {
    int len = a.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (int bound = len & ~7; i < bound; i += 8) {
      s0 = Math.fma(a[i], b[i], s0);
      s1 = Math.fma(a[i + 1], b[i + 1], s1);
      s2 = Math.fma(a[i + 2], b[i + 2], s2);
      s3 = Math.fma(a[i + 3], b[i + 3], s3);
      s4 = Math.fma(a[i + 4], b[i + 4], s4);
      s5 = Math.fma(a[i + 5], b[i + 5], s5);
      s6 = Math.fma(a[i + 6], b[i + 6], s6);
      s7 = Math.fma(a[i + 7], b[i + 7], s7);
    }
    for (; i < len; i++) {
      s0 = Math.fma(a[i], b[i], s0);
    }
    return combine(s0, s1, s2, s3, s4, s5, s6, s7);
  }

  /** The partial sums, added in the one fixed order both implementations use. */
  static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6,
      double s7) {
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * y = (y + a * v) * scale, element by element (multiply and add rounded separately), then returns
   * w.y as {@link #dot} sums it (0 when w is null). With the vector API both happen in one pass, the
   * same bits.
   */
  static double axpyScaleDot(double a, double[] v, double[] y, double scale, double[] w) {
    if (VECTOR && w != null) {
      return VectorLbfgsKernels.axpyScaleDot(a, v, y, scale, w);
    }
    for (int j = 0; j < y.length; j++) {
      y[j] = (y[j] + a * v[j]) * scale;
    }
    return w == null ? 0 : dot(w, y);
  }
}
