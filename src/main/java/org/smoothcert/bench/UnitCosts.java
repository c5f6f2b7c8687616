package org.smoothcert.bench;

import org.smoothcert.random.SplitMix64;
import org.smoothcert.smoothing.DiscreteNoise;

/**
 * What one core takes, in this JVM, for the single operations the logistic-regression floor is counted
 * in, each measured on its own inner loop with every operand in the L1 cache and independent work to
 * overlap: a geometric skip of the noise (a SplitMix64 uniform and {@link DiscreteNoise#keptBefore}: a
 * logarithm, a product and a floor, what drawing one changed coordinate needs at the least) and a gathered multiply-add (a weight fetched by a
 * feature index and added to one of two running sums: what a sparse logit or gradient column needs per
 * non-zero input and class). {@link PeakRate} gives the third, dense vector arithmetic.
 */
public final class UnitCosts {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static volatile double sink;

  private UnitCosts() {}

  /** Nanoseconds per geometric skip, over about {@code millis} ms of this thread's CPU time. */
  public static double skipNanos(long millis) {
    SplitMix64 rng = new SplitMix64(1);
    SplitMix64 other = new SplitMix64(2);
    DiscreteNoise noise = new DiscreteNoise(0.9);
    for (int i = 0; i < 30; i++) {
      skips(rng, other, noise, 20_000);
    }
    long n = 0;
    long start = CPU.getCurrentThreadCpuTime();
    long end = start + millis * 1_000_000;
    long now = start;
    long acc = 0;
    while (now < end) {
      acc += skips(rng, other, noise, 50_000);
      n += 100_000;
      now = CPU.getCurrentThreadCpuTime();
    }
    sink = acc;
    return (double) (now - start) / n;
  }

  /** Two independent streams interleaved, so that one skip's latency overlaps the other's. */
  private static long skips(SplitMix64 rng, SplitMix64 other, DiscreteNoise noise, int count) {
    long acc = 0;
    long acc2 = 0;
    for (int i = 0; i < count; i++) {
      acc += noise.keptBefore(1.0 - rng.nextDouble());
      acc2 += noise.keptBefore(1.0 - other.nextDouble());
    }
    return acc + acc2;
  }

  /**
   * Nanoseconds per gathered multiply-add (one index, one class of two), over about {@code millis} ms of
   * this thread's CPU time.
   */
  public static double gatherNanos(long millis) {
    int dim = 784;
    int[] index = new int[14_000];
    double[] levels = new double[index.length];
    SplitMix64 rng = new SplitMix64(2);
    for (int i = 0; i < index.length; i++) {
      index[i] = 2 * rng.nextInt(dim);
      levels[i] = 1.0;
    }
    double[] w = new double[2 * dim];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1e-3 * (i % 17);
    }
    for (int i = 0; i < 30; i++) {
      gathers(index, levels, w, 5);
    }
    long n = 0;
    long start = CPU.getCurrentThreadCpuTime();
    long end = start + millis * 1_000_000;
    long now = start;
    double acc = 0;
    while (now < end) {
      acc += gathers(index, levels, w, 20);
      n += 20L * index.length * 2;
      now = CPU.getCurrentThreadCpuTime();
    }
    sink = acc;
    return (double) (now - start) / n;
  }

  /** Two columns of four interleaved running sums each: rows processed four at a time. */
  private static double gathers(int[] index, double[] levels, double[] w, int rounds) {
    double acc = 0;
    for (int r = 0; r < rounds; r++) {
      double a0 = 0;
      double a1 = 0;
      double b0 = 0;
      double b1 = 0;
      double c0 = 0;
      double c1 = 0;
      double d0 = 0;
      double d1 = 0;
      for (int p = 0; p + 3 < index.length; p += 4) {
        int f1 = index[p];
        int f2 = index[p + 1];
        int f3 = index[p + 2];
        int f4 = index[p + 3];
        a0 += levels[p] * w[f1];
        a1 += levels[p] * w[f1 + 1];
        b0 += levels[p + 1] * w[f2];
        b1 += levels[p + 1] * w[f2 + 1];
        c0 += levels[p + 2] * w[f3];
        c1 += levels[p + 2] * w[f3 + 1];
        d0 += levels[p + 3] * w[f4];
        d1 += levels[p + 3] * w[f4 + 1];
      }
      acc += a0 + a1 + b0 + b1 + c0 + c1 + d0 + d1;
    }
    return acc;
  }
}
