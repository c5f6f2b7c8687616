package org.smoothcert.votes;

import java.io.Serializable;

/**
 * What training a set of classifiers cost and how good they were on their own: summed over
 * classifiers, so slices merge by addition.
 *
 * @param accuracy how often single noised classifiers were right on noised test points
 * @param effort what the learner's optimizer did
 * @param nanos time spent training and predicting (noise included), summed over classifiers
 */
public record TrainingStats(Accuracy accuracy, Effort effort, Nanos nanos) implements Serializable {
  public static final TrainingStats NONE =
      new TrainingStats(new Accuracy(0, 0), new Effort(0, 0), new Nanos(0, 0));

  /**
   * @param correct predictions of noised test points that were right (base accuracy numerator)
   * @param predictions predictions made (classifiers x test points)
   */
  public record Accuracy(long correct, long predictions) implements Serializable {}

  /**
   * @param costEvaluations cost-function evaluations of the learner
   * @param iterations optimizer iterations of the learner
   */
  public record Effort(long costEvaluations, long iterations) implements Serializable {}

  /**
   * @param train time spent training (noise included), summed over classifiers
   * @param predict time spent predicting (noise included), summed over classifiers
   */
  public record Nanos(long train, long predict) implements Serializable {}

  public long correct() {
    return accuracy.correct();
  }

  public long predictions() {
    return accuracy.predictions();
  }

  public long costEvaluations() {
    return effort.costEvaluations();
  }

  public long iterations() {
    return effort.iterations();
  }

  public long trainNanos() {
    return nanos.train();
  }

  public long predictNanos() {
    return nanos.predict();
  }

  public TrainingStats plus(TrainingStats o) {
    return new TrainingStats(new Accuracy(correct() + o.correct(), predictions() + o.predictions()),
        new Effort(costEvaluations() + o.costEvaluations(), iterations() + o.iterations()),
        new Nanos(trainNanos() + o.trainNanos(), predictNanos() + o.predictNanos()));
  }

  /** Share of correct predictions of single noised classifiers on noised test points. */
  public double baseAccuracy() {
    return predictions() == 0 ? Double.NaN : (double) correct() / predictions();
  }
}
