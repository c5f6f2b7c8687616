package org.smoothcert.certify;

import org.smoothcert.votes.VoteCounts;

/**
 * The fewest votes for the top class that certify radius r, as the run's own {@link Certifier} decides on
 * one point of N classifiers (N - n0 in the two-sample protocol). With the runner-up bound and more than
 * two classes the answer depends on how the other votes fall: fewest when they are spread as evenly as they
 * can be over the c - 1 other classes, most when they all go to one class. Without it (or with two classes)
 * the two are the same.
 */
public final class VotesNeeded {
  private final java.util.function.IntFunction<Certifier> certifiers;
  private final AlphaSplit split;
  private final long classifiers;

  /**
   * @param classifiers the votes that bound the classes: N, or N - n0 in the two-sample protocol
   */
  public VotesNeeded(BoundCertificate certificate, AlphaSplit split, long classifiers) {
    this(maxRadius -> new Certifier(certificate, split, maxRadius), split, classifiers);
  }

  /**
   * @param certifiers the run's certifier searching radii up to the one given (any scheme's, a
   *     deterministic one included)
   * @param classifiers the votes that bound the classes: N, or N - n0 in the two-sample protocol
   */
  public VotesNeeded(java.util.function.IntFunction<Certifier> certifiers, AlphaSplit split, long classifiers) {
    if (classifiers < 1 || classifiers > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("classifiers must be in [1, " + Integer.MAX_VALUE + "], got " + classifiers);
    }
    this.certifiers = certifiers;
    this.split = split;
    this.classifiers = classifiers;
  }

  /** Whether the other votes' layout matters: the runner-up bound with more than two classes. */
  public boolean dependsOnTheOthers() {
    return split.runnerUp() && split.classes() > 2;
  }

  /** The fewest top votes that certify r when the other votes are spread evenly; -1 if even N cannot. */
  public long spread(int r) {
    return fewest(r, true);
  }

  /** The fewest top votes that certify r when the other votes all go to one class; -1 if even N cannot. */
  public long concentrated(int r) {
    return fewest(r, false);
  }

  private long fewest(int r, boolean spread) {
    Certifier certifier = certifiers.apply(r);
    if (!certifies(certifier, classifiers, r, spread)) {
      return -1;
    }
    long lo = 0; // the last class has no vote: never its certificate
    long hi = classifiers;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (certifies(certifier, mid, r, spread)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Whether {@code top} votes for class 0, the rest laid out as asked, certify class 0 at radius r. */
  /**
   * Whether {@code top} votes for the last class, the rest laid out as asked over the others, certify the
   * last class at radius r. The last class loses every tie (the top class is the smaller index on a
   * tie), so a certificate that counts ties (partition aggregation) is planned for its worst class; one
   * from bounds on the counts does not depend on which class it is.
   */
  private boolean certifies(Certifier certifier, long top, int r, boolean spread) {
    int classes = split.classes();
    int last = classes - 1;
    int[] counts = new int[classes];
    counts[last] = (int) top;
    long rest = classifiers - top;
    if (spread) {
      for (int c = 0; c < last; c++) {
        counts[c] = (int) (rest / last + (c < rest % last ? 1 : 0));
      }
    } else {
      counts[0] = (int) rest;
    }
    Certificate certificate = certifier.certify(VoteCounts.of(1, classes, classifiers, counts), 0);
    return certificate.label() == last && certificate.radius() >= r;
  }
}
