package org.smoothcert.smoothing;

import java.io.Serializable;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;

/**
 * The seam between the engine and the ways of smoothing: how classifier j's training set and its copy of
 * the test points are derived from the clean data. Everything a scheme draws is a pure function of
 * (run seed, j), so any executor, partitioning or retry derives the same sets for classifier j.
 *
 * <p>The schemes: {@link ClassifierNoise} (flip noise on the training features and labels and on the test
 * features, Wang et al. 2020), {@link BaggingSmoothing} (k examples drawn from the n, Jia et al. 2021),
 * {@link PartitionSmoothing} (disjoint parts by a hash of each example, Levine and Feizi 2021) and
 * {@link BagFlipSmoothing} (a bag, then flip noise, Zhang et al. 2022). Each scheme's certificate is
 * built beside its keys (config's {@code SmoothingConfig}).
 */
public interface Smoothing extends Serializable {
  /** A worker over one training and test set, its buffers reused across classifiers: one per thread. */
  Draws draws(Examples train, Examples test);

  /** Classifier j's sets, one classifier after another. Not thread-safe. */
  interface Draws {
    /** Classifier j's training set; valid until the next call (its arrays are reused). */
    Examples train(long j);

    /**
     * Classifier j's copy of all test features, row-major; valid until the next call. It may be the
     * clean array itself: never modify it.
     */
    byte[] test(long j);

    /** The seed of classifier j's learner (e.g. its initial weights). */
    long learnerSeed(long j);

    /**
     * Classifier j's predictions on its copy of the test points: the labels of {@link #test}'s rows. A
     * scheme that flips the test features may instead give the classifier the clean points and the list
     * of changes ({@link Classifier#predictFlipped}), which predicts the same labels for less.
     */
    default void predict(long j, Classifier classifier, int points, int[] predictions) {
      classifier.predict(test(j), points, predictions);
    }
  }
}
