package org.smoothcert.votes;

import java.io.Serializable;

/**
 * What training a set of classifiers cost and how good they were on their own: summed over
 * classifiers, so slices merge by addition.
 *
 * @param correct predictions of noised test points that were right (base accuracy numerator)
 * @param predictions predictions made (classifiers x test points)
 * @param costEvaluations cost-function evaluations of the learner
 * @param iterations optimizer iterations of the learner
 * @param trainNanos time spent training (noise included), summed over classifiers
 * @param predictNanos time spent predicting (noise included), summed over classifiers
 */
public record TrainingStats(long correct, long predictions, long costEvaluations, long iterations,
    long trainNanos, long predictNanos) implements Serializable {
  public static final TrainingStats NONE = new TrainingStats(0, 0, 0, 0, 0, 0);

  public TrainingStats plus(TrainingStats o) {
    return new TrainingStats(correct + o.correct, predictions + o.predictions,
        costEvaluations + o.costEvaluations, iterations + o.iterations, trainNanos + o.trainNanos,
        predictNanos + o.predictNanos);
  }

  /** Share of correct predictions of single noised classifiers on noised test points. */
  public double baseAccuracy() {
    return predictions == 0 ? Double.NaN : (double) correct / predictions;
  }
}
