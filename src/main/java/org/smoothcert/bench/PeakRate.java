package org.smoothcert.bench;

/**
 * What one core reaches on the sparse learner's inner loop, a scaled column added to a vector
 * ({@code y += a * x}) with both in the L1 cache, as the JIT compiles it: the attainable rate the
 * floor is computed with.
 */
public final class PeakRate {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final int LENGTH = 512;

  private PeakRate() {}

  /** GFLOP/s of {@code y += a * x} over about {@code millis} ms of this thread's CPU time (waits do not count). */
  public static double measure(long millis) {
    double[] x = new double[LENGTH];
    double[] y = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      x[i] = 1e-9 * i;
    }
    axpyRounds(x, y, 20_000);
    long rounds = 0;
    long start = CPU.getCurrentThreadCpuTime();
    long end = start + millis * 1_000_000;
    long now = start;
    while (now < end) {
      axpyRounds(x, y, 10_000);
      rounds += 10_000;
      now = CPU.getCurrentThreadCpuTime();
    }
    if (y[LENGTH - 1] < 0) {
      throw new IllegalStateException("unreachable: keeps the loop alive");
    }
    return 2.0 * LENGTH * rounds / (now - start);
  }

  private static void axpyRounds(double[] x, double[] y, int rounds) {
    for (int r = 0; r < rounds; r++) {
      double a = r % 2 == 0 ? 0.5 : -0.5;
      for (int i = 0; i < LENGTH; i++) {
        y[i] += a * x[i];
      }
    }
  }
}
