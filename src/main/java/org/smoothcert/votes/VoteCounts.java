package org.smoothcert.votes;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Votes of a set of classifiers: for each test point and class, how many classifiers predicted it.
 * Small (points x classes, never classifiers x points) and mergeable, so the job can reduce the
 * votes of its slices in any order and get the same counts.
 */
public final class VoteCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int points;
  private final int classes;
  private final int[] counts;
  private long classifiers;

  public VoteCounts(int points, int classes) {
    if (points < 0 || classes < 2) {
      throw new IllegalArgumentException("points=" + points + ", classes=" + classes);
    }
    this.points = points;
    this.classes = classes;
    this.counts = new int[Math.multiplyExact(points, classes)];
  }

  /** Rebuilds counts read back from storage: row-major points x classes. */
  public static VoteCounts of(int points, int classes, long classifiers, int[] counts) {
    VoteCounts v = new VoteCounts(points, classes);
    if (counts.length != v.counts.length) {
      throw new IllegalArgumentException("expected " + v.counts.length + " counts, got " + counts.length);
    }
    System.arraycopy(counts, 0, v.counts, 0, counts.length);
    v.classifiers = classifiers;
    v.checkRowSums();
    return v;
  }

  public int points() {
    return points;
  }

  public int classes() {
    return classes;
  }

  /** How many classifiers voted: every point's votes sum to this. */
  public long classifiers() {
    return classifiers;
  }

  public int count(int point, int label) {
    return counts[point * classes + label];
  }

  /** Records one classifier's predictions, one label per test point. */
  public void addClassifier(int[] predictions) {
    if (predictions.length < points) {
      throw new IllegalArgumentException("need " + points + " predictions, got " + predictions.length);
    }
    for (int i = 0; i < points; i++) {
      int label = predictions[i];
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException("prediction " + label + " for point " + i + " is not a class");
      }
      counts[i * classes + label]++;
    }
    classifiers++;
  }

  /**
   * Records a classifier that votes for no class at any point (partition aggregation's classifier of an
   * empty part): it counts among the N classifiers, and its vote goes to no class.
   */
  public void addAbstention() {
    classifiers++;
  }

  /** Adds {@code other}'s votes into this one and returns this (for reduce). */
  public VoteCounts merge(VoteCounts other) {
    if (other.points != points || other.classes != classes) {
      throw new IllegalArgumentException("cannot merge " + other.points + "x" + other.classes
          + " votes into " + points + "x" + classes);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.addExact(counts[i], other.counts[i]);
    }
    classifiers += other.classifiers;
    return this;
  }

  /** The class with the most votes at {@code point}; ties go to the smaller class index. */
  public int top(int point) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (count(point, c) > count(point, best)) {
        best = c;
      }
    }
    return best;
  }

  /** The most votes any class other than {@code excluded} has at {@code point}. */
  public int largestOther(int point, int excluded) {
    int best = 0;
    for (int c = 0; c < classes; c++) {
      if (c != excluded) {
        best = Math.max(best, count(point, c));
      }
    }
    return best;
  }

  /** A copy of the row-major counts, points x classes. */
  public int[] toArray() {
    return counts.clone();
  }

  /**
   * Every point has the votes of every classifier but those that abstain everywhere ({@link #addAbstention}):
   * the same sum at every point, at most N.
   */
  private void checkRowSums() {
    long first = -1;
    for (int i = 0; i < points; i++) {
      long sum = 0;
      for (int c = 0; c < classes; c++) {
        int n = count(i, c);
        if (n < 0) {
          throw new IllegalArgumentException("negative count at point " + i);
        }
        sum += n;
      }
      if (sum > classifiers || (first >= 0 && sum != first)) {
        throw new IllegalArgumentException(
            "point " + i + " has " + sum + " votes but " + classifiers + " classifiers voted"
                + (first >= 0 ? " and point 0 has " + first : ""));
      }
      first = sum;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoteCounts v && v.points == points && v.classes == classes
        && v.classifiers == classifiers && Arrays.equals(v.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Long.hashCode(classifiers);
  }
}
