package org.smoothcert.spark;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.config.JobConfig;
import org.smoothcert.run.ReusableSlices;
import org.smoothcert.votes.SliceVotes;

/**
 * Which classifier ranges a run must train: [0, N) minus the {@link ReusableSlices slices already
 * checkpointed} for the same configuration (a crashed run resumes; a larger N reuses the classifiers a
 * smaller one trained); the gaps are cut into slices of ceil(N / slices). Optional cuts (e.g. the
 * two-sample protocol's n0) are slice boundaries: no slice straddles one.
 */
public record SlicePlan(List<SliceVotes> reused, List<Range> toTrain) {
  /** Classifiers [from, to). */
  public record Range(long from, long to) implements java.io.Serializable {
    public long size() {
      return to - from;
    }

    @Override
    public String toString() {
      return "[" + from + ", " + to + ")";
    }
  }

  /** Classifiers per slice when {@code job.slices} is automatic. */
  public static final int AUTO_SLICE_SIZE = 50;
  /**
   * The most slices a run is cut into: each is a Spark task and a checkpoint file, planned on the driver.
   * A larger N gets larger slices (N = 2^31 - 1 is about 21,500 classifiers a slice), never more of them.
   */
  public static final int MAX_SLICES = JobConfig.MAX_SLICES;

  public static int autoSlices(long classifiers, int parallelism) {
    long bySize = (classifiers + AUTO_SLICE_SIZE - 1) / AUTO_SLICE_SIZE;
    return (int) Math.max(1, Math.min(Math.min(classifiers, MAX_SLICES), Math.max(bySize, 2L * parallelism)));
  }

  public static SlicePlan plan(long classifiers, int slices, List<SliceVotes> stored, long... cuts) {
    if (classifiers < 1 || slices < 1 || slices > MAX_SLICES) {
      throw new IllegalArgumentException("classifiers=" + classifiers + ", slices=" + slices);
    }
    long size = (classifiers + slices - 1) / slices;
    List<SliceVotes> reused = ReusableSlices.of(classifiers, stored, cuts);
    List<Range> toTrain = new ArrayList<>();
    long covered = 0;
    for (SliceVotes s : reused) {
      cut(covered, s.from(), size, cuts, toTrain);
      covered = s.to();
    }
    cut(covered, classifiers, size, cuts, toTrain);
    return new SlicePlan(reused, List.copyOf(toTrain));
  }

  private static void cut(long from, long to, long size, long[] cuts, List<Range> out) {
    long a = from;
    while (a < to) {
      long b = Math.min(to, a + size);
      for (long c : cuts) {
        if (a < c && c < b) {
          b = c;
        }
      }
      out.add(new Range(a, b));
      a = b;
    }
  }

  public long reusedClassifiers() {
    return ReusableSlices.classifiers(reused);
  }

  public long classifiersToTrain() {
    return toTrain.stream().mapToLong(Range::size).sum();
  }
}
