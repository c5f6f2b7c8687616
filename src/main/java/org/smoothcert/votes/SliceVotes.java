package org.smoothcert.votes;

import java.io.Serializable;

/**
 * The votes of classifiers {@code [from, to)} of a run: what one Spark task returns and what one slice
 * checkpoint stores.
 */
public record SliceVotes(long from, long to, VoteCounts votes, TrainingStats stats) implements Serializable {
  public SliceVotes {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("bad slice [" + from + ", " + to + ")");
    }
    if (votes.classifiers() != to - from) {
      throw new IllegalArgumentException("slice [" + from + ", " + to + ") holds the votes of "
          + votes.classifiers() + " classifiers");
    }
  }

  public long classifiers() {
    return to - from;
  }
}
