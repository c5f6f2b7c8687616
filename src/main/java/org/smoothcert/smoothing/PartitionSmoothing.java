package org.smoothcert.smoothing;

import java.util.Arrays;
import org.smoothcert.data.Examples;
import org.smoothcert.random.SplitMix64;

/**
 * Deep partition aggregation (Levine and Feizi, ICLR 2021): the training set is cut into N disjoint parts
 * by a hash of each example's content (its features and label, keyed by the run seed), and classifier i
 * trains on part i and predicts the clean test points. Where an example goes depends on that example
 * alone: inserting, removing or changing one example changes at most the part it leaves and the part it
 * joins, which is what the certificate counts. Within a part the examples are in a canonical order (by
 * their hash, then their bytes), not the training file's: classifier i is a function of its part as a
 * multiset, so reordering the training set changes no vote.
 */
public final class PartitionSmoothing implements Smoothing {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int parts;

  public PartitionSmoothing(long seed, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, got " + parts);
    }
    this.seed = seed;
    this.parts = parts;
  }

  /** The part of one example: its {@link #hash} reduced modulo N. */
  public static int partOf(long seed, int parts, byte[] features, int from, int dim, int label) {
    return (int) Long.remainderUnsigned(hash(seed, features, from, dim, label), parts);
  }

  /** A hash of (seed, an example's features, its label). */
  static long hash(long seed, byte[] features, int from, int dim, int label) {
    long h = SplitMix64.mix(seed, dim, label);
    int i = 0;
    for (; i + 8 <= dim; i += 8) {
      long word = 0;
      for (int b = 0; b < 8; b++) {
        word |= (features[from + i + b] & 0xFFL) << (8 * b);
      }
      h = SplitMix64.mix(h, word);
    }
    long tail = 0;
    for (int b = 0; i < dim; i++, b++) {
      tail |= (features[from + i] & 0xFFL) << (8 * b);
    }
    return SplitMix64.mix(h, tail);
  }

  /** Each part's examples, in the order of the training set: {@code members[start[p], start[p + 1])}. */
  record Assignment(int[] start, int[] members) {}

  Assignment assign(Examples train) {
    int n = train.count();
    int dim = train.dim();
    int[] part = new int[n];
    long[] hashes = new long[n];
    int[] start = new int[parts + 1];
    for (int i = 0; i < n; i++) {
      hashes[i] = hash(seed, train.features(), i * dim, dim, train.label(i));
      part[i] = (int) Long.remainderUnsigned(hashes[i], parts);
      start[part[i] + 1]++;
    }
    for (int p = 0; p < parts; p++) {
      start[p + 1] += start[p];
    }
    int[] next = Arrays.copyOf(start, parts);
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      members[next[part[i]]++] = i;
    }
    // The canonical order: by hash, then by the example's bytes (equal examples are interchangeable).
    byte[] f = train.features();
    java.util.Comparator<Integer> canonical = java.util.Comparator.<Integer>comparingLong(i -> hashes[i])
        .thenComparing((a, b) -> {
          int c = Arrays.compareUnsigned(f, a * dim, (a + 1) * dim, f, b * dim, (b + 1) * dim);
          return c != 0 ? c : Integer.compare(train.label(a), train.label(b));
        });
    for (int p = 0; p < parts; p++) {
      Integer[] slice = new Integer[start[p + 1] - start[p]];
      for (int i = 0; i < slice.length; i++) {
        slice[i] = members[start[p] + i];
      }
      Arrays.sort(slice, canonical);
      for (int i = 0; i < slice.length; i++) {
        members[start[p] + i] = slice[i];
      }
    }
    return new Assignment(start, members);
  }

  @Override
  public Draws draws(Examples train, Examples test) {
    Assignment a = assign(train);
    int dim = train.dim();
    return new Draws() {
      @Override
      public Examples train(long j) {
        if (j < 0 || j >= parts) {
          throw new IllegalArgumentException("classifier " + j + " of " + parts + " parts");
        }
        int from = a.start()[(int) j];
        int count = a.start()[(int) j + 1] - from;
        byte[] features = new byte[count * dim];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
          int e = a.members()[from + i];
          System.arraycopy(train.features(), e * dim, features, i * dim, dim);
          labels[i] = train.labels()[e];
        }
        return new Examples(count, train.domains(), train.classes(), features, labels);
      }

      @Override
      public byte[] test(long j) {
        return test.features();
      }

      @Override
      public long learnerSeed(long j) {
        return ClassifierNoise.learnerSeed(seed, j);
      }
    };
  }
}
