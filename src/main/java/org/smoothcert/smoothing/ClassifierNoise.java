package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.random.SplitMix64;

/**
 * The noise of classifier {@code j} in a run: a pure function of (run seed, j, part), so any executor,
 * any partitioning and any retry draws the same noise for classifier j. Each part (training features,
 * training labels, test features, the learner's own initial weights) has its own independent stream.
 *
 * <p>Training features and test features use each column's own domain; training labels use the number
 * of classes as their domain (Lee et al.'s noise applied to the one long vector (X, y, x)).
 */
public final class ClassifierNoise implements Smoothing {
  private static final long serialVersionUID = 1L;

  /** The independent streams of one classifier. */
  public enum Part {
    TRAIN_FEATURES(1),
    TRAIN_LABELS(2),
    TEST_FEATURES(3),
    LEARNER_SEED(4),
    /** Which training examples are in classifier j's bag (the bagging schemes). */
    BAG(5);

    private final long id;

    Part(long id) {
      this.id = id;
    }
  }

  private final long seed;
  private final DiscreteNoise noise;

  public ClassifierNoise(long seed, double beta) {
    this.seed = seed;
    this.noise = new DiscreteNoise(beta);
  }

  /** The generator of one part of classifier {@code j}'s randomness in a run of {@code seed}. */
  static SplitMix64 stream(long seed, long j, Part part) {
    return new SplitMix64(SplitMix64.mix(seed, j, part.id));
  }

  /** Classifier j's learner seed in a run of {@code seed}: the same for every scheme. */
  static long learnerSeed(long seed, long j) {
    return stream(seed, j, Part.LEARNER_SEED).nextLong();
  }

  public double beta() {
    return noise.beta();
  }

  /** The flip scheme: classifier j's noised training set and noised test points. */
  @Override
  public Draws draws(Examples train, Examples test) {
    byte[] features = new byte[train.features().length];
    byte[] labels = new byte[train.count()];
    byte[] testFeatures = new byte[test.features().length];
    Examples noised = new Examples(train.count(), train.domains(), train.classes(), features, labels);
    return new Draws() {
      @Override
      public Examples train(long j) {
        noiseTrain(j, train, features, labels);
        return noised;
      }

      @Override
      public byte[] test(long j) {
        noiseTest(j, test, testFeatures);
        return testFeatures;
      }

      @Override
      public long learnerSeed(long j) {
        return ClassifierNoise.this.learnerSeed(j);
      }
    };
  }

  /** Flips {@code values[from, to)} of one domain with this scheme's beta (the bag-and-flip scheme's noise). */
  void perturb(byte[] values, int from, int to, org.smoothcert.data.FeatureDomains domains, SplitMix64 rng) {
    noise.perturb(values, from, to, domains, rng);
  }

  /** The generator of one part of classifier {@code j}'s noise. */
  public SplitMix64 stream(long j, Part part) {
    return stream(seed, j, part);
  }

  /** Seed for the learner of classifier {@code j} (e.g. its initial weights). */
  public long learnerSeed(long j) {
    return learnerSeed(seed, j);
  }

  /**
   * Writes classifier j's noised copy of the training set into the two buffers (reused across
   * classifiers: same length as the clean arrays).
   */
  public void noiseTrain(long j, Examples clean, byte[] features, byte[] labels) {
    System.arraycopy(clean.features(), 0, features, 0, clean.features().length);
    System.arraycopy(clean.labels(), 0, labels, 0, clean.labels().length);
    noise.perturb(features, 0, features.length, clean.domains(), stream(j, Part.TRAIN_FEATURES));
    noise.perturb(labels, 0, labels.length, clean.classes(), stream(j, Part.TRAIN_LABELS));
  }

  /** Writes classifier j's noised copy of all test features into {@code features}. */
  public void noiseTest(long j, Examples clean, byte[] features) {
    System.arraycopy(clean.features(), 0, features, 0, clean.features().length);
    noise.perturb(features, 0, features.length, clean.domains(), stream(j, Part.TEST_FEATURES));
  }
}
