package org.smoothcert.model;

import java.util.Random;
import org.smoothcert.data.Examples;

/**
 * Binarized-image-like data for tests: each class has a random prototype with about {@code onRate} of
 * its features on, and each example is its class's prototype with every feature flipped with
 * probability {@code flipRate}. With small flip rates the classes are separable.
 */
public final class SyntheticExamples {
  private final int dim;
  private final int classes;
  private final boolean[][] prototypes;
  private final double flipRate;

  public SyntheticExamples(int dim, int classes, double onRate, double flipRate, long seed) {
    this.dim = dim;
    this.classes = classes;
    this.flipRate = flipRate;
    Random random = new Random(seed);
    prototypes = new boolean[classes][dim];
    for (boolean[] prototype : prototypes) {
      for (int j = 0; j < dim; j++) {
        prototype[j] = random.nextDouble() < onRate;
      }
    }
  }

  /** {@code count} binary examples, labels cycling through the classes. */
  public Examples draw(int count, long seed) {
    return draw(count, 2, seed);
  }

  /**
   * {@code count} examples over a feature domain of {@code domain} values: "on" features take a
   * random value in the upper half of the domain, "off" ones a value in the lower half.
   */
  public Examples draw(int count, int domain, long seed) {
    Random random = new Random(seed);
    byte[] features = new byte[count * dim];
    byte[] labels = new byte[count];
    int half = domain / 2;
    for (int i = 0; i < count; i++) {
      int label = i % classes;
      labels[i] = (byte) label;
      for (int j = 0; j < dim; j++) {
        boolean on = prototypes[label][j] ^ (random.nextDouble() < flipRate);
        int value = on ? domain - 1 - random.nextInt(domain - half) : random.nextInt(half);
        features[i * dim + j] = (byte) value;
      }
    }
    return new Examples(count, dim, domain, classes, features, labels);
  }

  public static double accuracy(Classifier classifier, Examples test) {
    int[] predicted = new int[test.count()];
    classifier.predict(test.features(), test.count(), predicted);
    int correct = 0;
    for (int i = 0; i < test.count(); i++) {
      if (predicted[i] == test.label(i)) {
        correct++;
      }
    }
    return correct / (double) test.count();
  }
}
