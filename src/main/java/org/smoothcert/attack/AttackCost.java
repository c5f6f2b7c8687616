package org.smoothcert.attack;

import org.smoothcert.data.Examples;

/**
 * The L0 cost of an attack, counted from what it actually changed, not from what it meant to change:
 * a pixel already at its new value and a label already equal to the target cost nothing. The attack on
 * test point i costs (changed training pixels) + (changed training labels) + (changed pixels of test
 * point i); a certificate of radius R covers it iff that total is at most R.
 *
 * @param trainingPixels training features that differ between the clean and the poisoned training set
 * @param trainingLabels training labels that differ
 * @param testPixels per test point, its features that differ between the clean and the attacked test set
 */
public record AttackCost(int trainingPixels, int trainingLabels, int[] testPixels) {
  public static AttackCost between(Examples cleanTrain, Examples poisonedTrain, Examples cleanTest,
      Examples attackedTest) {
    requireSameShape(cleanTrain, poisonedTrain);
    requireSameShape(cleanTest, attackedTest);
    int[] testPixels = new int[cleanTest.count()];
    for (int i = 0; i < testPixels.length; i++) {
      testPixels[i] = differences(cleanTest.features(), attackedTest.features(), i * cleanTest.dim(), cleanTest.dim());
    }
    return new AttackCost(differences(cleanTrain.features(), poisonedTrain.features(), 0, cleanTrain.features().length),
        differences(cleanTrain.labels(), poisonedTrain.labels(), 0, cleanTrain.count()), testPixels);
  }

  /** The cost of the attack on test point {@code point}. */
  public int of(int point) {
    return trainingPixels + trainingLabels + testPixels[point];
  }

  /** The largest cost over all test points. */
  public int max() {
    int max = 0;
    for (int i = 0; i < testPixels.length; i++) {
      max = Math.max(max, of(i));
    }
    return max;
  }

  private static int differences(byte[] a, byte[] b, int from, int length) {
    int n = 0;
    for (int k = from; k < from + length; k++) {
      if (a[k] != b[k]) {
        n++;
      }
    }
    return n;
  }

  private static void requireSameShape(Examples clean, Examples attacked) {
    if (clean.count() != attacked.count() || clean.dim() != attacked.dim()) {
      throw new IllegalArgumentException("attacked set (" + attacked + ") is not shaped like the clean one (" + clean + ")");
    }
  }
}
