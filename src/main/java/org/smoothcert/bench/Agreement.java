package org.smoothcert.bench;

import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpTrainer;

/**
 * How close two trainers' classifiers are on the same noised copies: the largest weight difference and
 * how many noised test points they label differently.
 */
public record Agreement(int classifiers, double maxWeightDifference, long disagreements, long predictions) {
  public static Agreement of(MlpTrainer expected, MlpTrainer actual, NoisedCopies copies, int classifiers) {
    double max = 0;
    long differ = 0;
    long total = 0;
    for (long j = 0; j < classifiers; j++) {
      Examples train = copies.train(j);
      Examples test = copies.test(j);
      MlpClassifier a = expected.train(train, copies.learnerSeed(j));
      MlpClassifier b = actual.train(train, copies.learnerSeed(j));
      max = Math.max(max, maxDifference(a.weights(), b.weights()));
      int[] la = new int[test.count()];
      int[] lb = new int[test.count()];
      a.predict(test.features(), test.count(), la);
      b.predict(test.features(), test.count(), lb);
      for (int i = 0; i < la.length; i++) {
        if (la[i] != lb[i]) {
          differ++;
        }
      }
      total += la.length;
    }
    return new Agreement(classifiers, max, differ, total);
  }

  public static double maxDifference(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " weights vs " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
