package org.smoothcert.certify;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * What N classifiers can certify at all: even a unanimous vote only gives p_lower = alpha^(1/N), so the
 * radius has a ceiling, and each radius needs a minimal number of agreeing votes. Printed in every run,
 * because at N = 10,000 and the paper's alpha nothing beyond radius 2 is certifiable, whatever the
 * learner.
 */
public final class Ceiling {
  private final L0Certificate certificate;
  private final long classifiers;
  private final double alphaPerBound;

  public Ceiling(L0Certificate certificate, long classifiers, double alphaPerBound) {
    if (classifiers < 1) {
      throw new IllegalArgumentException("classifiers must be at least 1, got " + classifiers);
    }
    this.certificate = certificate;
    this.classifiers = classifiers;
    this.alphaPerBound = alphaPerBound;
  }

  /** p_lower of a unanimous vote. */
  public double unanimousPLower() {
    return ClopperPearson.lower(classifiers, classifiers, alphaPerBound);
  }

  /** The largest radius certifiable with N classifiers (-1 if not even radius 0). */
  public int maxRadius() {
    return certificate.radius(unanimousPLower());
  }

  /**
   * The fewest votes for the top class (out of N) that certify radius r, or -1 when even N cannot.
   * Found by bisection: the Clopper–Pearson lower bound increases with the count.
   */
  public long votesNeeded(int r) {
    BigFraction threshold = certificate.threshold(r);
    if (!certifies(classifiers, threshold)) {
      return -1;
    }
    long lo = 0; // never certifies
    long hi = classifiers; // certifies
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (certifies(mid, threshold)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /**
   * The fewest classifiers whose unanimous vote certifies radius r: the N a user needs for r. A
   * unanimous vote gives alpha^(1/N), so this is the smallest N with alpha^(1/N) > threshold(r).
   */
  public static long classifiersNeeded(L0Certificate certificate, int r, double alphaPerBound) {
    BigFraction threshold = certificate.threshold(r);
    long hi = 1;
    while (!(new BigFraction(ClopperPearson.lower(hi, hi, alphaPerBound)).compareTo(threshold) > 0)) {
      hi *= 2;
      if (hi > (1L << 50)) {
        return -1;
      }
    }
    long lo = hi / 2;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (new BigFraction(ClopperPearson.lower(mid, mid, alphaPerBound)).compareTo(threshold) > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private boolean certifies(long votes, BigFraction threshold) {
    double p = ClopperPearson.lower(votes, classifiers, alphaPerBound);
    return new BigFraction(p).compareTo(threshold) > 0;
  }
}
