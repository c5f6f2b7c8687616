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

  /** Optimizer iterations training took (0 for a learner that does not iterate). */
  default int iterations() {
    return 0;
  }

  /** Cost-function evaluations training took (0 for a learner without one). */
  default int costEvaluations() {
    return 0;
  }
}
