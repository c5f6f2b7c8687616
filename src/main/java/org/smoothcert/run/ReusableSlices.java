package org.smoothcert.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smoothcert.votes.SliceVotes;

/**
 * Which stored slice checkpoints a run of N classifiers can reuse: taken in order of their ranges, a
 * slice is kept when it lies inside [0, N), does not overlap one already kept, and crosses no cut
 * (e.g. the two-sample protocol's n0). What they leave uncovered is what the run must train.
 */
public final class ReusableSlices {
  private ReusableSlices() {}

  /** The reusable slices, ordered by their ranges. */
  public static List<SliceVotes> of(long classifiers, List<SliceVotes> stored, long... cuts) {
    List<SliceVotes> candidates = new ArrayList<>(stored);
    candidates.sort(Comparator.comparingLong(SliceVotes::from).thenComparingLong(SliceVotes::to));
    List<SliceVotes> reused = new ArrayList<>();
    long covered = 0;
    for (SliceVotes s : candidates) {
      if (s.from() < covered || s.to() > classifiers || straddles(s.from(), s.to(), cuts)) {
        continue; // overlaps a slice already chosen, reaches beyond N, or crosses a cut
      }
      reused.add(s);
      covered = s.to();
    }
    return List.copyOf(reused);
  }

  /** The classifiers the slices hold. */
  public static long classifiers(List<SliceVotes> slices) {
    return slices.stream().mapToLong(SliceVotes::classifiers).sum();
  }

  /** How far slices ordered by their ranges (as {@link #of} returns them) cover [0, N) from 0 without a gap. */
  public static long coveredFromStart(List<SliceVotes> slices) {
    long covered = 0;
    for (SliceVotes s : slices) {
      if (s.from() != covered) {
        break;
      }
      covered = s.to();
    }
    return covered;
  }

  private static boolean straddles(long from, long to, long[] cuts) {
    for (long c : cuts) {
      if (from < c && c < to) {
        return true;
      }
    }
    return false;
  }
}
