package org.smoothcert.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smoothcert.random.SplitMix64;
import org.smoothcert.random.UniformSource;

/**
 * A uniform sample without replacement: the first k steps of a Fisher-Yates shuffle. Its first j draws
 * do not depend on k, so drawing train then test from one pool keeps the train draw fixed.
 */
public final class PartialShuffle {
  /** Keys the sampling streams apart from the noise streams, which are keyed (seed, j, part), j >= 0. */
  private static final long SAMPLING_STREAM = -0x44415441L;
  public static final int TRAIN_SIDE = 0;
  public static final int TEST_SIDE = 1;
  public static final int VALIDATION_SIDE = 2;

  private PartialShuffle() {}

  /** {@code k} distinct elements of {@code pool} in the order drawn; {@code pool} is not changed. */
  public static int[] draw(int[] pool, int k, UniformSource random) {
    if (k < 0 || k > pool.length) {
      throw new IllegalArgumentException("cannot draw " + k + " of " + pool.length);
    }
    int[] a = pool.clone();
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return Arrays.copyOf(a, k);
  }

  /** The indices of {@code pool} that no draw in {@code draws} took, in the pool's order. */
  public static int[] untaken(int[] pool, List<int[]> draws) {
    Set<Integer> taken = new HashSet<>();
    draws.forEach(d -> Arrays.stream(d).forEach(taken::add));
    return Arrays.stream(pool).filter(i -> !taken.contains(i)).toArray();
  }

  /** The draw of one side; tables are drawn as IDX splits are, so the same rows give the same draw. */
  public static SplitMix64 stream(long seed, int side) {
    return new SplitMix64(SplitMix64.mix(seed, SAMPLING_STREAM, side));
  }
}
