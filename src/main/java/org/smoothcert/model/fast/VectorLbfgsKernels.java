package org.smoothcert.model.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LbfgsKernels#scalarDot} in the JDK's vector API, loaded only when the module is present. Partial
 * sum k (k = 0..7) takes the elements i = k mod 8 as a chain of fused multiply-adds, rounded as
 * {@link Math#fma} rounds; with 8-lane vectors (AVX-512) lane k of one vector is sum k, with 4-lane
 * vectors (AVX2) two vectors hold sums 0-3 and 4-7, with 2-lane vectors (SSE, NEON) four hold sums 0-1,
 * 2-3, 4-5 and 6-7; other widths use the scalar code ({@link #supported}). The tail and the final
 * additions are the scalar code's, so the result is its bits at every width ({@code VectorLanesTest}).
 *
 * <p>The species is {@link VectorColumnSums}'s (the preferred one unless {@link VectorLanes} forces
 * another): C2 only turns vector-API calls into SIMD instructions when each call site sees one
 * species: with a fixed 4-lane species beside it, the L-BFGS part of {@code bench} took twice as long
 * as with scalar code. Each width has its loop written out: one loop for all three (helper methods,
 * the vectors a width does not use folded away) gave the same bits but cost a classifier at H = 32
 * half as much CPU time again at 2 lanes, and slower than the scalar dot products (docs/speed.md).
 */
final class VectorLbfgsKernels {
  private static final VectorSpecies<Double> S = VectorColumnSums.SPECIES;
  private static final int LANES = S.length();

  private VectorLbfgsKernels() {}

  /** Whether the species in use has a width these kernels handle (2, 4 or 8 doubles). */
  static boolean supported() {
    return LANES == 8 || LANES == 4 || LANES == 2;
  }

  static double dot(double[] a, double[] b) {
    return LANES == 8 ? dot8(a, b) : LANES == 4 ? dot4(a, b) : dot2(a, b);
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

  private static double dot2(double[] a, double[] b) {
    int len = a.length;
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = DoubleVector.zero(S);
    DoubleVector s2 = DoubleVector.zero(S);
    DoubleVector s3 = DoubleVector.zero(S);
    int i = 0;
    for (int bound = len & ~7; i < bound; i += 8) {
      s0 = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), s0);
      s1 = DoubleVector.fromArray(S, a, i + 2).fma(DoubleVector.fromArray(S, b, i + 2), s1);
      s2 = DoubleVector.fromArray(S, a, i + 4).fma(DoubleVector.fromArray(S, b, i + 4), s2);
      s3 = DoubleVector.fromArray(S, a, i + 6).fma(DoubleVector.fromArray(S, b, i + 6), s3);
    }
    double[] sums = new double[8];
    s0.intoArray(sums, 0);
    s1.intoArray(sums, 2);
    s2.intoArray(sums, 4);
    s3.intoArray(sums, 6);
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
    } else if (LANES == 4) {
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
    } else {
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = DoubleVector.zero(S);
      DoubleVector s2 = DoubleVector.zero(S);
      DoubleVector s3 = DoubleVector.zero(S);
      for (int bound = len & ~7; i < bound; i += 8) {
        DoubleVector y0 = DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, v, i).mul(a)).mul(scale);
        DoubleVector y1 =
            DoubleVector.fromArray(S, y, i + 2).add(DoubleVector.fromArray(S, v, i + 2).mul(a)).mul(scale);
        DoubleVector y2 =
            DoubleVector.fromArray(S, y, i + 4).add(DoubleVector.fromArray(S, v, i + 4).mul(a)).mul(scale);
        DoubleVector y3 =
            DoubleVector.fromArray(S, y, i + 6).add(DoubleVector.fromArray(S, v, i + 6).mul(a)).mul(scale);
        y0.intoArray(y, i);
        y1.intoArray(y, i + 2);
        y2.intoArray(y, i + 4);
        y3.intoArray(y, i + 6);
        s0 = DoubleVector.fromArray(S, w, i).fma(y0, s0);
        s1 = DoubleVector.fromArray(S, w, i + 2).fma(y1, s1);
        s2 = DoubleVector.fromArray(S, w, i + 4).fma(y2, s2);
        s3 = DoubleVector.fromArray(S, w, i + 6).fma(y3, s3);
      }
      s0.intoArray(sums, 0);
      s1.intoArray(sums, 2);
      s2.intoArray(sums, 4);
      s3.intoArray(sums, 6);
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
