package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;
import org.smoothcert.model.Learner;
import org.smoothcert.model.Trainer;
import org.smoothcert.votes.SliceVotes;
import org.smoothcert.votes.TrainingStats;
import org.smoothcert.votes.VoteCounts;

/**
 * The smoothed classifier's sampler: classifier j is trained on its own noised copy of the training
 * set (X + tau_j, y + eps_j) and votes on its own noised copy of every test point x + gamma_j. All of
 * classifier j's randomness comes from (seed, j), so any range of classifiers can be sampled anywhere
 * and the votes add up to the same counts. Buffers are reused across the classifiers of a range.
 */
public final class VoteSampler {
  private final Examples train;
  private final Examples test;
  private final Learner learner;
  private final ClassifierNoise noise;

  public VoteSampler(Examples train, Examples test, Learner learner, ClassifierNoise noise) {
    if (train.dim() != test.dim() || !train.domains().equals(test.domains())
        || train.classes() != test.classes()) {
      throw new IllegalArgumentException("train (" + train + ") and test (" + test + ") do not match");
    }
    this.train = train;
    this.test = test;
    this.learner = learner;
    this.noise = noise;
  }

  /** Trains classifiers [from, to) and returns their votes. */
  public SliceVotes sample(long from, long to) {
    byte[] features = new byte[train.features().length];
    byte[] labels = new byte[train.count()];
    // Classifier j's test noise as its list of changes (ClassifierNoise.testChanges), predicted from
    // the clean test set plus the changes (Classifier.predictFlipped): the labels of the noised copy.
    int[] changedAt = new int[test.features().length];
    byte[] changedTo = new byte[test.features().length];
    int[] predictions = new int[test.count()];
    Examples noised = new Examples(train.count(), train.domains(), train.classes(), features, labels);
    Trainer trainer = learner.newTrainer();
    VoteCounts votes = new VoteCounts(test.count(), test.classes());
    long correct = 0;
    long trainNanos = 0;
    long predictNanos = 0;
    long iterations = 0;
    long costEvaluations = 0;
    for (long j = from; j < to; j++) {
      long t0 = System.nanoTime();
      noise.noiseTrain(j, train, features, labels);
      Classifier classifier = trainer.train(noised, noise.learnerSeed(j));
      long t1 = System.nanoTime();
      int changes = noise.testChanges(j, test, changedAt, changedTo);
      classifier.predictFlipped(test.features(), test.count(), changedAt, changedTo, changes, predictions);
      long t2 = System.nanoTime();
      votes.addClassifier(predictions);
      for (int i = 0; i < predictions.length; i++) {
        if (predictions[i] == test.label(i)) {
          correct++;
        }
      }
      iterations += classifier.iterations();
      costEvaluations += classifier.costEvaluations();
      trainNanos += t1 - t0;
      predictNanos += t2 - t1;
    }
    TrainingStats stats = new TrainingStats(correct, (to - from) * test.count(),
        costEvaluations, iterations, trainNanos, predictNanos);
    return new SliceVotes(from, to, votes, stats);
  }
}
