package org.smoothcert.bench;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.noise.ClassifierNoise;
import org.smoothcert.votes.TrainingStats;
import org.smoothcert.votes.VoteSampler;

/**
 * Per-classifier cost of a learner in this thread, measured through the job's own per-slice loop
 * ({@link VoteSampler}: noise, train, noise the test set, predict, vote): a warm-up slice for the JIT,
 * then a measured slice.
 *
 * @param trainMs noising the training set and training, per classifier
 * @param predictMs noising the test set and predicting it, per classifier
 * @param iterations L-BFGS iterations per classifier
 * @param costEvaluations cost evaluations per classifier
 */
public record LearnerTiming(double trainMs, double predictMs, double iterations, double costEvaluations) {
  public static LearnerTiming measure(Examples train, Examples test, Learner learner, ClassifierNoise noise,
      long warmUp, long classifiers) {
    VoteSampler sampler = new VoteSampler(train, test, learner, noise);
    sampler.sample(0, warmUp);
    TrainingStats stats = sampler.sample(warmUp, warmUp + classifiers).stats();
    return new LearnerTiming(stats.trainNanos() / 1e6 / classifiers, stats.predictNanos() / 1e6 / classifiers,
        (double) stats.iterations() / classifiers, (double) stats.costEvaluations() / classifiers);
  }

  public double totalMs() {
    return trainMs + predictMs;
  }
}
