package org.smoothcert.bench;

import org.smoothcert.data.Examples;
import org.smoothcert.smoothing.ClassifierNoise;

/** Classifier j's noised training and test sets, as the job draws them, one at a time. */
public final class NoisedCopies {
  private final Examples train;
  private final Examples test;
  private final ClassifierNoise noise;

  public NoisedCopies(Examples train, Examples test, ClassifierNoise noise) {
    this.train = train;
    this.test = test;
    this.noise = noise;
  }

  public Examples train(long j) {
    byte[] features = new byte[train.features().length];
    byte[] labels = new byte[train.count()];
    noise.noiseTrain(j, train, features, labels);
    return new Examples(train.count(), train.domains(), train.classes(), features, labels);
  }

  public Examples test(long j) {
    byte[] features = new byte[test.features().length];
    noise.noiseTest(j, test, features);
    return new Examples(test.count(), test.domains(), test.classes(), features, test.labels());
  }

  public long learnerSeed(long j) {
    return noise.learnerSeed(j);
  }

  /** Non-zero features per example. */
  public static double nonZeroPerExample(Examples examples) {
    long n = 0;
    for (byte b : examples.features()) {
      if (b != 0) {
        n++;
      }
    }
    return (double) n / examples.count();
  }
}
