package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;
import org.smoothcert.data.FeatureDomains;

/**
 * BagFlip (Zhang, Albarghouthi and D'Antoni, NeurIPS 2022): classifier j's bag of k examples (as
 * {@link BaggingSmoothing}), then the flip noise of {@link ClassifierNoise} at keep probability beta on the
 * bag's features and labels and on every test point's features, each part from its own stream of
 * (seed, j).
 */
public final class BagFlipSmoothing implements Smoothing {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int bagSize;
  private final boolean withReplacement;
  private final ClassifierNoise noise;

  public BagFlipSmoothing(long seed, int bagSize, boolean withReplacement, double beta) {
    if (bagSize < 1) {
      throw new IllegalArgumentException("bag size must be at least 1, got " + bagSize);
    }
    this.seed = seed;
    this.bagSize = bagSize;
    this.withReplacement = withReplacement;
    this.noise = new ClassifierNoise(seed, beta);
  }

  @Override
  public Draws draws(Examples train, Examples test) {
    Bags bags = new Bags(seed, bagSize, withReplacement, train);
    byte[] testFeatures = new byte[test.features().length];
    int[] changedAt = new int[test.features().length];
    byte[] changedTo = new byte[test.features().length];
    FeatureDomains labelDomain = FeatureDomains.uniform(1, train.classes());
    return new Draws() {
      @Override
      public Examples train(long j) {
        Examples bag = bags.bag(j);
        noise.perturb(bag.features(), 0, bag.features().length, bag.domains(),
            noise.stream(j, ClassifierNoise.Part.TRAIN_FEATURES));
        noise.perturb(bag.labels(), 0, bag.labels().length, labelDomain,
            noise.stream(j, ClassifierNoise.Part.TRAIN_LABELS));
        return bag;
      }

      @Override
      public byte[] test(long j) {
        noise.noiseTest(j, test, testFeatures);
        return testFeatures;
      }

      @Override
      public long learnerSeed(long j) {
        return noise.learnerSeed(j);
      }

      @Override
      public void predict(long j, Classifier classifier, int points, int[] predictions) {
        noise.predictFlipped(j, test, classifier, points, predictions, changedAt, changedTo);
      }
    };
  }
}
