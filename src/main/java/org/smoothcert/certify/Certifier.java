package org.smoothcert.certify;

import org.smoothcert.votes.VoteCounts;

/**
 * Turns vote counts into certificates: the top class, its Clopper–Pearson lower bound at the
 * Bonferroni-corrected alpha, and the L0 radius (Cohen et al.'s CERTIFY, with the Lee et al. radius).
 * With the runner-up bound, the second class gets its own upper bound instead of 1 - p_lower, which
 * certifies more when the other votes are spread over several classes.
 */
public final class Certifier {
  private final L0Certificate certificate;
  private final AlphaSplit alpha;
  private final int maxRadius;

  public Certifier(L0Certificate certificate, AlphaSplit alpha, int maxRadius) {
    this.certificate = certificate;
    this.alpha = alpha;
    this.maxRadius = maxRadius;
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
    return new Certificate(label, top, k, pLower, pUpper, radius);
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
