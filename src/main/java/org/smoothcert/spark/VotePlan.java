package org.smoothcert.spark;

import java.util.stream.LongStream;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.smoothing.Smoothing;

/**
 * What the engine trains and votes on: classifiers [0, N) of {@code smoothing} on {@code train}, each
 * learned by {@code learner} and voting on {@code test}.
 *
 * @param voters the classifiers that vote
 * @param slicing how the classifiers are cut into Spark tasks
 */
public record VotePlan(Examples train, Examples test, Voters voters, Slicing slicing) {
  /**
   * The classifiers that vote.
   *
   * @param learner trains each classifier
   * @param smoothing classifier j's training set and test points
   * @param classifiers N
   */
  public record Voters(Learner learner, Smoothing smoothing, int classifiers) {}

  /**
   * How the classifiers are cut into slices.
   *
   * @param slices slices to cut N into, 0 for automatic
   * @param cuts classifier indices no slice may straddle (e.g. the two-sample protocol's n0)
   */
  public record Slicing(int slices, long[] cuts) {}

  /**
   * The plan of a run of {@code config}: its scheme at its seed, its N classifiers each learned by
   * {@code learner}, cut into job.slices slices at the two-sample protocol's n0 and at {@code moreCuts}.
   */
  public static VotePlan of(RunConfig config, Learner learner, Examples train, Examples test, long... moreCuts) {
    Voters voters = new Voters(learner, config.smoothing().smoothing(config.seed()), config.smoothing().classifiers());
    long[] cuts = LongStream.concat(LongStream.of(config.certify().selectionClassifiers()), LongStream.of(moreCuts))
        .toArray();
    return new VotePlan(train, test, voters, new Slicing(config.job().slices(), cuts));
  }

  public Learner learner() {
    return voters.learner();
  }

  public Smoothing smoothing() {
    return voters.smoothing();
  }

  public int classifiers() {
    return voters.classifiers();
  }

  public int slices() {
    return slicing.slices();
  }

  public long[] cuts() {
    return slicing.cuts();
  }
}
