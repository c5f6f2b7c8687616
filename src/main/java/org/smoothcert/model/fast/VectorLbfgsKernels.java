package org.smoothcert.model.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LbfgsKernels#scalarDot} in the JDK's vector API, loaded only when the module is present. Partial
 * sum k (k = 0..7) takes the elements i = k mod 8 as a chain of fused multiply-adds, rounded as
 * {@link Math#fma} rounds; with 8-lane vectors (AVX-512) lane k of one vector is sum k, with 4-lane
 * vectors (AVX2) two vectors hold sums 0-3 and 4-7; other widths use the scalar code ({@link
 * #supported}). The tail and the final additions are the scalar code's, so the result is its bits on
 * every machine.
 *
 * <p>The species is {@link VectorColumnSums}'s (the preferred one unless {@link VectorLanes} forces
 * another): C2 only turns vector-API calls into SIMD instructions when each call site sees one
 * species: with a fixed 4-lane species beside it, the L-BFGS part of {@code bench} took twice as long
 * as with scalar code.
 */
final class VectorLbfgsKernels {
  private static final VectorSpecies<Double> S = VectorColumnSums.SPECIES;
  private static final int LANES = S.length();

  private VectorLbfgsKernels() {}

  /** Whether the species in use has a width these kernels handle (4 or 8 doubles). */
  static boolean supported() {
    return LANES == 8 || LANES == 4;
  }

  static double dot(double[] a, double[] b) {
    return LANES == 8 ? dot8(a, b) : dot4(a, b);
  }

  private static double dot8(double[] a, double[] b) {
    int len = a.length;
    DoubleVector acc = DoubleVector.zero(S);
    int i = 0;
    for (int bound = len & ~7; i < bound; i += 8) {
      acc = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc);
    }
    double[] sums = new double[8];
    acc.intoArray(sums, 0);
    return finish(a, b, i, sums);
  }

  private static double dot4(double[] a, double[] b) {
    int len = a.length;
    DoubleVector lo = DoubleVector.zero(S);
    DoubleVector hi = DoubleVector.zero(S);
    int i = 0;
    for (int bound = len & ~7; i < bound; i += 8) {
      lo = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), lo);
      hi = DoubleVector.fromArray(S, a, i + 4).fma(DoubleVector.fromArray(S, b, i + 4), hi);
    }
    double[] sums = new double[8];
    lo.intoArray(sums, 0);
    hi.intoArray(sums, 4);
    return finish(a, b, i, sums);
  }

  /**
   * {@link LbfgsKernels#axpyScaleDot} in one pass: each lane updates y as the scalar loop does (multiply,
   * add, scale, each rounded) and adds w * y into its partial sum by a fused multiply-add.
   */
  static double axpyScaleDot(double a, double[] v, double[] y, double scale, double[] w) {
    int len = y.length;
    int i = 0;
    double[] sums = new double[8];
    if (LANES == 8) {
      DoubleVector acc = DoubleVector.zero(S);
      for (int bound = len & ~7; i < bound; i += 8) {
        DoubleVector yi = DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, v, i).mul(a)).mul(scale);
        yi.intoArray(y, i);
        acc = DoubleVector.fromArray(S, w, i).fma(yi, acc);
      }
      acc.intoArray(sums, 0);
    } else {
      DoubleVector lo = DoubleVector.zero(S);
      DoubleVector hi = DoubleVector.zero(S);
      for (int bound = len & ~7; i < bound; i += 8) {
        DoubleVector y0 = DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, v, i).mul(a)).mul(scale);
        DoubleVector y1 =
            DoubleVector.fromArray(S, y, i + 4).add(DoubleVector.fromArray(S, v, i + 4).mul(a)).mul(scale);
        y0.intoArray(y, i);
        y1.intoArray(y, i + 4);
        lo = DoubleVector.fromArray(S, w, i).fma(y0, lo);
        hi = DoubleVector.fromArray(S, w, i + 4).fma(y1, hi);
      }
      lo.intoArray(sums, 0);
      hi.intoArray(sums, 4);
    }
    for (int j = i; j < len; j++) {
      y[j] = (y[j] + a * v[j]) * scale;
    }
    return finish(w, y, i, sums);
  }

  private static double finish(double[] a, double[] b, int from, double[] sums) {
    double s0 = sums[0];
    for (int i = from; i < a.length; i++) {
      s0 = Math.fma(a[i], b[i], s0);
    }
    return LbfgsKernels.combine(s0, sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
  }
}
