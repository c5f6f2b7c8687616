package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;

/**
 * Bagging (Jia, Cao and Gong, AAAI 2021): classifier j trains on a bag of k examples drawn uniformly
 * from the n training examples, with or without replacement, and predicts the clean test points (no test
 * noise: the certificate is against poisoned training examples, not a changed test input).
 */
public final class BaggingSmoothing implements Smoothing {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int bagSize;
  private final boolean withReplacement;

  public BaggingSmoothing(long seed, int bagSize, boolean withReplacement) {
    if (bagSize < 1) {
      throw new IllegalArgumentException("bag size must be at least 1, got " + bagSize);
    }
    this.seed = seed;
    this.bagSize = bagSize;
    this.withReplacement = withReplacement;
  }

  @Override
  public Draws draws(Examples train, Examples test) {
    Bags bags = new Bags(seed, bagSize, withReplacement, train);
    return new Draws() {
      @Override
      public Examples train(long j) {
        return bags.bag(j);
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
