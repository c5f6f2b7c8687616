package org.smoothcert.certify;

/**
 * How the run's failure probability alpha is shared among the bounds it computes (Bonferroni).
 *
 * <p>Each of the m test points gets alpha / m, as in the paper. Choosing the top class from the same
 * votes that then bound it is a selection over c classes: bounding all c classes' probabilities at
 * alpha / (m c) each makes the selected one's bound valid too, so {@code splitOverClasses} (the
 * default) gives a rigorous 1 - alpha guarantee for the whole run; without it the numbers match the
 * paper's alpha / m exactly.
 */
public record AlphaSplit(double alpha, int points, int classes, boolean splitOverClasses) {
  public AlphaSplit {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1, got " + points);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, got " + classes);
    }
  }

  /** The alpha of each one-sided bound. */
  public double perBound() {
    return alpha / points / (splitOverClasses ? classes : 1);
  }

  public String describe() {
    return splitOverClasses
        ? String.format("alpha/(m*c) = %s/(%d*%d) = %.4g", alpha, points, classes, perBound())
        : String.format("alpha/m = %s/%d = %.4g", alpha, points, perBound());
  }
}
