package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.random.SplitMix64;

/**
 * Classifier j's bag: k of the n training examples drawn uniformly, with replacement (each draw
 * independent, Jia et al. 2021's main case) or without (a uniform k-subset), from the stream
 * (seed, j, {@link ClassifierNoise.Part#BAG}). The bag's rows are copied, in the order drawn, into buffers
 * reused across classifiers.
 */
final class Bags {
  private final long seed;
  private final int size;
  private final boolean withReplacement;
  private final Examples train;
  private final int[] drawn;
  /** Without replacement: a permutation of 0..n-1 shuffled in part and put back after each bag. */
  private final int[] order;
  private final byte[] features;
  private final byte[] labels;
  private final Examples bag;

  Bags(long seed, int size, boolean withReplacement, Examples train) {
    if (size < 1 || (!withReplacement && size > train.count())) {
      throw new IllegalArgumentException("a bag of " + size + " from " + train.count() + " examples"
          + (withReplacement ? "" : " without replacement"));
    }
    this.seed = seed;
    this.size = size;
    this.withReplacement = withReplacement;
    this.train = train;
    this.drawn = new int[size];
    this.order = withReplacement ? null : identity(train.count());
    this.features = new byte[size * train.dim()];
    this.labels = new byte[size];
    this.bag = new Examples(size, train.domains(), train.classes(), features, labels);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The indices of classifier j's bag, in the order drawn (valid until the next call). */
  int[] indices(long j) {
    SplitMix64 rng = ClassifierNoise.stream(seed, j, ClassifierNoise.Part.BAG);
    int n = train.count();
    if (withReplacement) {
      for (int i = 0; i < size; i++) {
        drawn[i] = rng.nextInt(n);
      }
      return drawn;
    }
    // The first k steps of a Fisher-Yates shuffle give a uniform k-subset; the swaps are undone in
    // reverse so the next bag starts from the identity again (O(k), not O(n)).
    int[] swappedWith = new int[size];
    for (int i = 0; i < size; i++) {
      int r = i + rng.nextInt(n - i);
      swappedWith[i] = r;
      int t = order[i];
      order[i] = order[r];
      order[r] = t;
      drawn[i] = order[i];
    }
    for (int i = size - 1; i >= 0; i--) {
      int r = swappedWith[i];
      int t = order[i];
      order[i] = order[r];
      order[r] = t;
    }
    return drawn;
  }

  /** Classifier j's bag as examples (valid until the next call). */
  Examples bag(long j) {
    int[] idx = indices(j);
    int dim = train.dim();
    byte[] src = train.features();
    byte[] srcLabels = train.labels();
    for (int i = 0; i < size; i++) {
      System.arraycopy(src, idx[i] * dim, features, i * dim, dim);
      labels[i] = srcLabels[idx[i]];
    }
    return bag;
  }
}
