package org.smoothcert.certify;

import org.smoothcert.votes.VoteCounts;

/**
 * Turns vote counts into certificates: the top class, its Clopper–Pearson lower bound at the
 * Bonferroni-corrected alpha, and the scheme's radius (Cohen et al.'s CERTIFY; for the flip noise the
 * Lee et al. L0 radius). With the runner-up bound, the second class gets its own upper bound instead of
 * 1 - p_lower, which certifies more when the other votes are spread over several classes. A scheme whose
 * certificate needs no bound (partition aggregation) is certified from the counts alone.
 */
public final class Certifier {
  private final BoundCertificate certificate;
  private final CountCertificate counts;
  private final AlphaSplit alpha;
  private final int maxRadius;

  public Certifier(BoundCertificate certificate, AlphaSplit alpha, int maxRadius) {
    this.certificate = certificate;
    this.counts = null;
    this.alpha = alpha;
    this.maxRadius = maxRadius;
  }

  private Certifier(CountCertificate counts, AlphaSplit alpha, int maxRadius) {
    this.certificate = null;
    this.counts = counts;
    this.alpha = alpha;
    this.maxRadius = maxRadius;
  }

  /**
   * A certifier from the counts alone: {@code alpha} only carries the number of points (and classes); no
   * bound is computed, and a certificate's p_lower and p_upper are the top class's and the runner-up's
   * vote shares.
   */
  public static Certifier deterministic(CountCertificate counts, AlphaSplit alpha, int maxRadius) {
    return new Certifier(counts, alpha, maxRadius);
  }

  /** Whether the certificates hold with certainty (no confidence bound is involved). */
  public boolean deterministic() {
    return counts != null;
  }

  public Certificate certify(VoteCounts votes, int point) {
    return certify(votes, votes, point);
  }

  /**
   * The certificate at {@code point}, choosing the classes by {@code selection} and bounding them with
   * {@code estimation} (the same votes, or independent ones in the two-sample protocol).
   */
  public Certificate certify(VoteCounts selection, VoteCounts estimation, int point) {
    int top = selection.top(point);
    long k = estimation.count(point, top);
    long n = estimation.classifiers();
    if (counts != null) {
      int radius = counts.radius(estimation, point, top, maxRadius);
      int label = radius == L0Certificate.ABSTAIN ? L0Certificate.ABSTAIN : top;
      // A count certificate states no probability: the bounds carry the vote shares themselves.
      Certificate.Bounds shares = new Certificate.Bounds((double) k / n, (double) estimation.largestOther(point, top) / n);
      return new Certificate(label, radius, new Certificate.TopClass(top, k), shares);
    }
    double pLower = ClopperPearson.lower(k, n, alpha.perBound());
    double pUpper;
    int radius;
    if (alpha.runnerUp()) {
      // Upper bounds hold for every other class at once; the largest count has the largest bound.
      pUpper = ClopperPearson.upper(estimation.largestOther(point, top), n, alpha.perBound());
      radius = certificate.radius(pLower, pUpper, maxRadius);
    } else {
      pUpper = 1 - pLower;
      radius = certificate.radius(pLower, maxRadius);
    }
    int label = radius == L0Certificate.ABSTAIN ? L0Certificate.ABSTAIN : top;
    return new Certificate(label, radius, new Certificate.TopClass(top, k), new Certificate.Bounds(pLower, pUpper));
  }

  public Certificate[] certifyAll(VoteCounts selection, VoteCounts estimation) {
    if (estimation.points() != alpha.points() || selection.points() != alpha.points()) {
      throw new IllegalArgumentException(
          "alpha is split over " + alpha.points() + " points but the votes have " + estimation.points());
    }
    Certificate[] out = new Certificate[estimation.points()];
    for (int i = 0; i < out.length; i++) {
      out[i] = certify(selection, estimation, i);
    }
    return out;
  }
}
