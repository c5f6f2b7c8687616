package org.smoothcert.certify;

/**
 * A scheme's certificate from confidence bounds on the smoothed classifier's class probabilities: a lower
 * bound on the top class's and an upper bound on the runner-up's. Implementations compare the bounds
 * exactly (each double is an exact rational) and are never on the optimistic side.
 */
public interface BoundCertificate {
  /** The largest radius up to {@code maxRadius} certified by these bounds, {@link L0Certificate#ABSTAIN} if none. */
  int radius(double pLower, double pUpper, int maxRadius);

  /**
   * The radius when every other class is bounded together by 1 - p_lower. For p_lower >= 1/2 that
   * difference is exact in doubles (Sterbenz), and below 1/2 no scheme certifies anything.
   */
  default int radius(double pLower, int maxRadius) {
    return pLower < 0.5 ? L0Certificate.ABSTAIN : radius(pLower, 1 - pLower, maxRadius);
  }
}
