package org.smoothcert.attack;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.smoothcert.data.Examples;

/**
 * Which training images an attacker poisons first: those of the victims' classes (every class but the
 * target) that lie nearest, by mean Hamming distance, to the victim test images of their own class. A
 * relabelled or triggered image then sits where most victims are, so the poisoned model's decision
 * moves where it costs most accuracy (for binarized MNIST: the most typical 1s).
 */
final class PoisonOrder {
  private PoisonOrder() {}

  static int[] typicalFirst(Examples train, Examples test, int target) {
    double[] distance = new double[train.count()];
    for (int k = 0; k < train.count(); k++) {
      distance[k] = meanHammingToVictimsOfClass(train, k, test, target);
    }
    return IntStream.range(0, train.count())
        .filter(k -> train.label(k) != target)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(k -> distance[k]).thenComparingInt(k -> k))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double meanHammingToVictimsOfClass(Examples train, int k, Examples test, int target) {
    int label = train.label(k);
    if (label == target) {
      return Double.NaN;
    }
    long total = 0;
    int victims = 0;
    int dim = train.dim();
    for (int i = 0; i < test.count(); i++) {
      if (test.label(i) == label) {
        total += hamming(train.features(), k * dim, test.features(), i * dim, dim);
        victims++;
      }
    }
    return victims == 0 ? Double.MAX_VALUE : (double) total / victims;
  }

  private static int hamming(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    int n = 0;
    for (int j = 0; j < length; j++) {
      if (a[aOffset + j] != b[bOffset + j]) {
        n++;
      }
    }
    return n;
  }

  /** The first {@code count} rows of an order, as a sorted array. */
  static int[] first(int[] order, int count) {
    int[] rows = Arrays.copyOf(order, count);
    Arrays.sort(rows);
    return rows;
  }
}
