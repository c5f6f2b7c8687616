package org.smoothcert.random;

/**
 * Steele, Lea and Flood's SplitMix64 generator (OOPSLA 2014), written out here rather than taken from
 * {@link java.util.SplittableRandom} so that its output is fixed by this file, not by a JDK version: the
 * product promises bit-identical noise for (seed, classifier) on any JVM.
 *
 * <p>{@link #mix} is the same finalizer used as a keyed hash: the stream of classifier {@code j} is
 * {@code new SplitMix64(mix(seed, j, part))}, never a slice of a shared sequential stream.
 */
public final class SplitMix64 implements UniformSource {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 output function (a variant of MurmurHash3's fmix64). */
  public static long finalizer(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A key for independent streams: a different value for each ordered tuple of inputs. */
  public static long mix(long... words) {
    long h = 0x6A09E667F3BCC908L;
    for (long w : words) {
      h = finalizer(h + GOLDEN_GAMMA + finalizer(w));
    }
    return h;
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return finalizer(state);
  }

  /** Uniform in [0, 1), 53 random bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject). */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }
}
