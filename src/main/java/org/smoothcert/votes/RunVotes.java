package org.smoothcert.votes;

import java.util.List;

/**
 * A run's votes as the certificate uses them. Normally one set of votes both selects the top class and
 * bounds its probability. With Cohen et al.'s two-sample protocol the first n0 classifiers only select
 * (top class and runner-up) and the other N - n0 only bound, so the selection costs no alpha.
 *
 * @param selection votes that choose the classes (the same object as {@code estimation} without n0)
 * @param estimation votes whose counts are bounded
 * @param stats training statistics of all the classifiers
 */
public record RunVotes(VoteCounts selection, VoteCounts estimation, TrainingStats stats) {
  /**
   * Splits the slices of classifiers [0, N) at n0 (0 = no split). A slice that straddles n0 cannot be
   * split and is an error: plan the slices with n0 as a cut.
   */
  public static RunVotes of(List<SliceVotes> slices, int points, int classes, long selectionClassifiers) {
    VoteCounts selection = new VoteCounts(points, classes);
    VoteCounts estimation = new VoteCounts(points, classes);
    TrainingStats stats = TrainingStats.NONE;
    for (SliceVotes s : slices) {
      if (s.from() < selectionClassifiers && s.to() > selectionClassifiers) {
        throw new IllegalArgumentException("slice [" + s.from() + ", " + s.to() + ") straddles n0 = "
            + selectionClassifiers);
      }
      (s.to() <= selectionClassifiers ? selection : estimation).merge(s.votes());
      stats = stats.plus(s.stats());
    }
    return new RunVotes(selectionClassifiers == 0 ? estimation : selection, estimation, stats);
  }

  public boolean twoSample() {
    return selection != estimation;
  }

  /** All classifiers that voted. */
  public long classifiers() {
    return estimation.classifiers() + (twoSample() ? selection.classifiers() : 0);
  }
}
