package org.smoothcert.spark;

import java.util.List;
import org.smoothcert.votes.SliceVotes;

/**
 * The votes of a run's N classifiers as the engine collected them, and how many of them it reused
 * from checkpoints rather than trained.
 *
 * @param slices the votes and training statistics, slice by slice, covering [0, N)
 * @param reused the classifiers and slices read from checkpoints
 * @param trained the classifiers and slices this run trained
 */
public record CollectedVotes(List<SliceVotes> slices, Share reused, Share trained) implements VoteShares {
  /** A number of classifiers and the slices they came in. */
  public record Share(long classifiers, int slices) {}
}
