package org.smoothcert.certify;

/**
 * How the run's failure probability alpha is shared among the one-sided bounds of each test point
 * (Bonferroni): each of the m points gets alpha / m, as in the paper, and each of its bounds an equal
 * share of that. What a point needs depends on the protocol:
 *
 * <ul>
 *   <li>the lower bound on the top class: one bound, or c of them when the top class is chosen from the
 *       same votes ({@code classSplit}: whichever class is chosen, its bound holds);</li>
 *   <li>with the runner-up bound, an upper bound on every other class (the certificate needs the
 *       largest of them, and an attacker may favour any class): c - 1 bounds when the top class is fixed
 *       in advance of these votes, c when it is chosen from them;</li>
 *   <li>in the two-sample protocol the classes are chosen by other classifiers' votes, so there is no
 *       choice to pay for: the class split does not apply.</li>
 * </ul>
 *
 * Without the class split and the two-sample protocol the top class's bound ignores that it was chosen
 * from the same votes: that is the paper's alpha / m, kept to reproduce it.
 *
 * @param perPoint the bounds each point computes
 */
public record AlphaSplit(double alpha, int points, int classes, PerPoint perPoint) {
  /**
   * The bounds each point computes.
   *
   * @param lowerBounds lower bounds per point
   * @param upperBounds upper bounds per point (0 without the runner-up bound)
   * @param chosenFromSameVotes whether the classes are chosen from the votes that bound them (not in the
   *     two-sample protocol)
   */
  public record PerPoint(int lowerBounds, int upperBounds, boolean chosenFromSameVotes) {}

  public AlphaSplit {
    int lowerBounds = perPoint.lowerBounds();
    int upperBounds = perPoint.upperBounds();
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1, got " + points);
    }
    if (classes < 2 || lowerBounds < 1 || upperBounds < 0) {
      throw new IllegalArgumentException("classes=" + classes + ", bounds " + lowerBounds + "/" + upperBounds);
    }
    double perBound = alpha / points / (lowerBounds + upperBounds);
    if (!(perBound >= ClopperPearson.SMALLEST_ALPHA)) {
      throw new IllegalArgumentException(String.format("alpha = %s over %d points and %d bounds per point gives"
          + " %s per bound, below the smallest usable value %s; take a larger alpha", alpha, points,
          lowerBounds + upperBounds, perBound, ClopperPearson.SMALLEST_ALPHA));
    }
  }

  /**
   * @param classSplit pay for choosing the top class from the same votes (ignored in two-sample mode)
   * @param runnerUp bound the other classes on their own rather than by 1 - p_lower
   * @param twoSample the classes are chosen by votes independent of those bounded
   */
  public static AlphaSplit of(double alpha, int points, int classes, boolean classSplit, boolean runnerUp,
      boolean twoSample) {
    boolean chosenFromSameVotes = classSplit && !twoSample;
    int lower = chosenFromSameVotes ? classes : 1;
    int upper = runnerUp ? (chosenFromSameVotes ? classes : classes - 1) : 0;
    return new AlphaSplit(alpha, points, classes, new PerPoint(lower, upper, !twoSample));
  }

  /** The single-bound protocol: the top class's lower bound only. */
  public static AlphaSplit of(double alpha, int points, int classes, boolean classSplit) {
    return of(alpha, points, classes, classSplit, false, false);
  }

  public int lowerBounds() {
    return perPoint.lowerBounds();
  }

  public int upperBounds() {
    return perPoint.upperBounds();
  }

  public boolean chosenFromSameVotes() {
    return perPoint.chosenFromSameVotes();
  }

  public boolean runnerUp() {
    return upperBounds() > 0;
  }

  /** One-sided bounds per test point that share its alpha / m. */
  public int boundsPerPoint() {
    return lowerBounds() + upperBounds();
  }

  /** The alpha of each one-sided bound. */
  public double perBound() {
    return alpha / points / boundsPerPoint();
  }

  /**
   * The failure probability the certificates prove together: every bound a point may need is a failure
   * event at {@link #perBound}. When the top class is chosen from the same votes, the bound that is used
   * may be any class's (c lower bounds, and c upper bounds with the runner-up), whether or not the split
   * paid for them; otherwise the bounds computed are the ones needed. So alpha when every such bound is
   * paid for, c x alpha for the paper's alpha / m (2 x alpha with two classes), at most 1.
   */
  public double provenAlpha() {
    return Math.min(1, points * perBound() * (double) boundsAtRisk());
  }

  /** 1 - {@link #provenAlpha}: what the run proves, which the nominal 1 - alpha may overstate. */
  public double provenConfidence() {
    return 1 - provenAlpha();
  }

  /** The one-sided bounds per point whose failure can void a certificate. */
  public int boundsAtRisk() {
    return chosenFromSameVotes() ? (upperBounds() > 0 ? 2 * classes : classes) : boundsPerPoint();
  }

  /** How the proven confidence relates to the nominal one, for the console: empty when they agree. */
  public String provenNote() {
    if (boundsAtRisk() <= boundsPerPoint()) {
      return "";
    }
    return String.format("confidence: the top class is chosen from the same votes that bound it but alpha is not"
        + " split over the classes, so any of %d bounds per point may be the one"
        + " that fails: the run proves 1 - %d x alpha = %s, not the nominal %s%n", boundsAtRisk(),
        boundsAtRisk() / boundsPerPoint(), round(provenConfidence()), round(1 - alpha));
  }

  private static String round(double p) {
    return new java.math.BigDecimal(p).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  public String describe() {
    if (boundsPerPoint() == 1) {
      return String.format("alpha/m = %s/%d = %.4g", alpha, points, perBound());
    }
    return String.format("alpha/(m*%d) = %s/(%d*%d) = %.4g (%d lower + %d upper bounds per point)",
        boundsPerPoint(), alpha, points, boundsPerPoint(), perBound(), lowerBounds(), upperBounds());
  }
}
