package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;
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
    int[] changedAt = new int[test.features().length];
    byte[] changedTo = new byte[test.features().length];
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

      @Override
      public void predict(long j, Classifier classifier, int points, int[] predictions) {
        predictFlipped(j, test, classifier, points, predictions, changedAt, changedTo);
      }
    };
  }

  /**
   * Classifier j's predictions on its noised copy of the test points, from the clean points and the
   * noise's list of changes ({@link #testChanges}, {@link Classifier#predictFlipped}): the labels
   * {@link #noiseTest}'s copy would get.
   */
  void predictFlipped(long j, Examples test, Classifier classifier, int points, int[] predictions, int[] changedAt,
      byte[] changedTo) {
    int changes = testChanges(j, test, changedAt, changedTo);
    classifier.predictFlipped(test.features(), points, changedAt, changedTo, changes, predictions);
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

  /**
   * Classifier j's test-feature noise as the list of its changes instead of a noised copy: the positions
   * in {@code clean.features()} that {@link #noiseTest} changes (ascending) and their new values, from
   * the same draws, so applying them to the clean features gives {@link #noiseTest}'s copy byte for byte.
   * Both arrays need room for {@code clean.features().length} entries (about 1 - beta of that is used).
   *
   * @return how many features change
   */
  public int testChanges(long j, Examples clean, int[] positions, byte[] newValues) {
    return noise.changes(clean.features(), 0, clean.features().length, clean.domains(),
        stream(j, Part.TEST_FEATURES), positions, newValues);
  }
}
