package org.smoothcert.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.smoothing.Smoothing;
import org.smoothcert.votes.SliceVotes;
import org.smoothcert.smoothing.VoteSampler;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What one Spark task does: train the classifiers of its one slice on the broadcast data and return
 * their votes. Everything random comes from (seed, classifier index), never from the task or the
 * partition, so a retried or re-planned slice gives the same votes.
 */
final class SliceTask extends AbstractFunction1<Iterator<SlicePlan.Range>, SliceVotes> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Examples> train;
  private final Broadcast<Examples> test;
  private final Learner learner;
  private final Smoothing smoothing;

  SliceTask(Broadcast<Examples> train, Broadcast<Examples> test, Learner learner, Smoothing smoothing) {
    this.train = train;
    this.test = test;
    this.learner = learner;
    this.smoothing = smoothing;
  }

  @Override
  public SliceVotes apply(Iterator<SlicePlan.Range> ranges) {
    SlicePlan.Range range = ranges.next();
    if (ranges.hasNext()) {
      throw new IllegalStateException("a partition must hold exactly one slice");
    }
    VoteSampler sampler = new VoteSampler(train.value(), test.value(), learner, smoothing);
    return sampler.sample(range.from(), range.to());
  }
}
