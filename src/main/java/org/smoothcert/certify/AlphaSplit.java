package org.smoothcert.certify;

/**
 * How the run's failure probability alpha is shared among the bounds it computes (Bonferroni).
 *
 * <p>Each of the m test points gets alpha / m, as in the paper. Choosing the top class from the same
 * votes that then bound it is a selection over c classes: bounding all c classes' probabilities at
 * alpha / (m c) each makes the selected one's bound valid too, so {@code splitOverClasses} (the
 * default) gives a rigorous 1 - alpha guarantee for the whole run; without it the numbers match the
 * paper's alpha / m exactly. With {@code runnerUp} each point needs two bounds (a lower one on the top
 * class and an upper one on the runner-up), so each gets half again.
 */
public record AlphaSplit(double alpha, int points, int classes, boolean splitOverClasses, boolean runnerUp) {
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

  /** One lower bound per point on the top class. */
  public AlphaSplit(double alpha, int points, int classes, boolean splitOverClasses) {
    this(alpha, points, classes, splitOverClasses, false);
  }

  /** One-sided bounds per test point that share its alpha / m. */
  public int boundsPerPoint() {
    return (runnerUp ? 2 : 1) * (splitOverClasses ? classes : 1);
  }

  /** The alpha of each one-sided bound. */
  public double perBound() {
    return alpha / points / boundsPerPoint();
  }

  public String describe() {
    if (boundsPerPoint() == 1) {
      return String.format("alpha/m = %s/%d = %.4g", alpha, points, perBound());
    }
    String names = "m" + (splitOverClasses ? "*c" : "") + (runnerUp ? "*2" : "");
    String values = points + (splitOverClasses ? "*" + classes : "") + (runnerUp ? "*2" : "");
    return String.format("alpha/(%s) = %s/(%s) = %.4g", names, alpha, values, perBound());
  }
}
