package org.smoothcert.model;

/**
 * The array L-BFGS's loops over the whole weight vector: a dot product, and an axpy fused with the dot
 * product that follows it. Sums are taken in eight interleaved partial sums added in a fixed order,
 * without fused multiply-adds, in plain Java: the same bits on every JVM and machine. (A JDK vector API
 * version with the same bits, two 4-lane accumulators, was 1.2 to 3 times slower on Java 17 here.)
 */
final class LbfgsKernels {
  private LbfgsKernels() {}

  /** Sum of a[i] * b[i] in eight interleaved partial sums, added in a fixed order. */
  static double dot(double[] a, double[] b) {
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
    for (; i + 7 < len; i += 8) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
      s4 += a[i + 4] * b[i + 4];
      s5 += a[i + 5] * b[i + 5];
      s6 += a[i + 6] * b[i + 6];
      s7 += a[i + 7] * b[i + 7];
    }
    for (; i < len; i++) {
      s0 += a[i] * b[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * y = (y + a * v) * scale, element by element, then returns w.y summed exactly as {@link #dot} sums
   * it (0 when w is null).
   */
  static double axpyScaleDot(double a, double[] v, double[] y, double scale, double[] w) {
    int len = y.length;
    if (w == null) {
      for (int j = 0; j < len; j++) {
        y[j] = (y[j] + a * v[j]) * scale;
      }
      return 0;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (; i + 7 < len; i += 8) {
      double y0 = (y[i] + a * v[i]) * scale;
      double y1 = (y[i + 1] + a * v[i + 1]) * scale;
      double y2 = (y[i + 2] + a * v[i + 2]) * scale;
      double y3 = (y[i + 3] + a * v[i + 3]) * scale;
      double y4 = (y[i + 4] + a * v[i + 4]) * scale;
      double y5 = (y[i + 5] + a * v[i + 5]) * scale;
      double y6 = (y[i + 6] + a * v[i + 6]) * scale;
      double y7 = (y[i + 7] + a * v[i + 7]) * scale;
      y[i] = y0;
      y[i + 1] = y1;
      y[i + 2] = y2;
      y[i + 3] = y3;
      y[i + 4] = y4;
      y[i + 5] = y5;
      y[i + 6] = y6;
      y[i + 7] = y7;
      s0 += w[i] * y0;
      s1 += w[i + 1] * y1;
      s2 += w[i + 2] * y2;
      s3 += w[i + 3] * y3;
      s4 += w[i + 4] * y4;
      s5 += w[i + 5] * y5;
      s6 += w[i + 6] * y6;
      s7 += w[i + 7] * y7;
    }
    for (; i < len; i++) {
      double yi = (y[i] + a * v[i]) * scale;
      y[i] = yi;
      s0 += w[i] * yi;
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

}
