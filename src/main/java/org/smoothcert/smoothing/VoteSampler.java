package org.smoothcert.smoothing;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;
import org.smoothcert.model.Learner;
import org.smoothcert.model.Trainer;
import org.smoothcert.votes.SliceVotes;
import org.smoothcert.votes.TrainingStats;
import org.smoothcert.votes.VoteCounts;

/**
 * The smoothed classifier's sampler: classifier j is trained on its own training set (for the flip
 * noise, the noised copy X + tau_j, y + eps_j) and votes on its own copy of every test point (x + gamma_j);
 * how both are derived is the {@link Smoothing}'s. All of
 * classifier j's randomness comes from (seed, j), so any range of classifiers can be sampled anywhere
 * and the votes add up to the same counts. Buffers are reused across the classifiers of a range.
 */
public final class VoteSampler {
  private final Examples train;
  private final Examples test;
  private final Learner learner;
  private final Smoothing smoothing;

  public VoteSampler(Examples train, Examples test, Learner learner, Smoothing smoothing) {
    if (train.dim() != test.dim() || !train.domains().equals(test.domains())
        || train.classes() != test.classes()) {
      throw new IllegalArgumentException("train (" + train + ") and test (" + test + ") do not match");
    }
    this.train = train;
    this.test = test;
    this.learner = learner;
    this.smoothing = smoothing;
  }

  /** Trains classifiers [from, to) and returns their votes. */
  public SliceVotes sample(long from, long to) {
    Smoothing.Draws draws = smoothing.draws(train, test);
    int[] predictions = new int[test.count()];
    Trainer trainer = learner.newTrainer();
    VoteCounts votes = new VoteCounts(test.count(), test.classes());
    long correct = 0;
    long trainNanos = 0;
    long predictNanos = 0;
    long iterations = 0;
    long costEvaluations = 0;
    for (long j = from; j < to; j++) {
      long t0 = System.nanoTime();
      Examples trainingSet = draws.train(j);
      if (trainingSet.count() == 0) {
        // An empty part (partition aggregation) trains nothing and votes for no class.
        votes.addAbstention();
        continue;
      }
      Classifier classifier = trainer.train(trainingSet, draws.learnerSeed(j));
      long t1 = System.nanoTime();
      draws.predict(j, classifier, test.count(), predictions);
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
    TrainingStats stats = new TrainingStats(new TrainingStats.Accuracy(correct, (to - from) * test.count()),
        new TrainingStats.Effort(costEvaluations, iterations), new TrainingStats.Nanos(trainNanos, predictNanos));
    return new SliceVotes(from, to, votes, stats);
  }
}
