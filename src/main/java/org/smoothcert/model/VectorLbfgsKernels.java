package org.smoothcert.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LbfgsKernels#scalarDot} in the JDK's vector API, loaded only when the module is present. The
 * species is fixed at 4 lanes whatever the machine prefers: lane k of the first vector is partial sum
 * k, lane k of the second is partial sum k + 4, each lane a chain of fused multiply-adds rounded as
 * {@link Math#fma} rounds; the tail and the final additions are the scalar code's. So the result is the
 * scalar code's bits.
 */
final class VectorLbfgsKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private VectorLbfgsKernels() {}

  static double dot(double[] a, double[] b) {
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
    double s0 = sums[0];
    for (; i < len; i++) {
      s0 = Math.fma(a[i], b[i], s0);
    }
    return LbfgsKernels.combine(s0, sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
  }
}
