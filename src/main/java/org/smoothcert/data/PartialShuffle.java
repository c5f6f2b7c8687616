package org.smoothcert.data;

import java.util.Arrays;
import org.smoothcert.random.UniformSource;

/**
 * A uniform sample without replacement: the first k steps of a Fisher-Yates shuffle. Its first j draws
 * do not depend on k, so drawing train then test from one pool keeps the train draw fixed.
 */
final class PartialShuffle {
  private PartialShuffle() {}

  /** {@code k} distinct elements of {@code pool} in the order drawn; {@code pool} is not changed. */
  static int[] draw(int[] pool, int k, UniformSource random) {
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
}
