package org.smoothcert.model;

/** A trained classifier that labels a batch of discrete examples at once. */
public interface Classifier {
  /** Features per example. */
  int dim();

  /** Labels are in {@code [0, classes)}. */
  int classes();

  /**
   * Writes the predicted labels of {@code count} examples into {@code outLabels[0, count)}. The
   * features are row-major, {@code dim()} unsigned bytes per example, each a value of the feature
   * domain the classifier was trained on.
   */
  void predict(byte[] features, int count, int[] outLabels);

  /**
   * The labels {@link #predict} gives for a changed copy of {@code clean}: the copy is {@code clean}
   * with {@code clean[positions[i]] = newValues[i]} for {@code i < changes}, positions ascending (as
   * {@code smoothing.ClassifierNoise.testChanges} lists them). Same labels as predicting the copy; a
   * classifier may use it to score only the changes (logistic regression: the clean score plus the
   * weights of the changed pixels), which is why the copy is not made. {@code clean} must not change
   * between calls (an implementation may keep what it derived from it). This default makes the copy.
   */
  default void predictFlipped(byte[] clean, int count, int[] positions, byte[] newValues, int changes,
      int[] outLabels) {
    byte[] copy = java.util.Arrays.copyOf(clean, count * dim());
    for (int i = 0; i < changes; i++) {
      copy[positions[i]] = newValues[i];
    }
    predict(copy, count, outLabels);
  }

  /** Optimizer iterations training took (0 for a learner that does not iterate). */
  default int iterations() {
    return 0;
  }

  /** Cost-function evaluations training took (0 for a learner without one). */
  default int costEvaluations() {
    return 0;
  }
}
