package org.smoothcert.certify;

/**
 * The smoothed classifier's answer at one test point.
 *
 * @param label the certified label, or {@link L0Certificate#ABSTAIN} when p_lower <= 1/2
 * @param radius certified radius, {@link L0Certificate#ABSTAIN} when abstaining
 * @param top the most voted class and its votes (reported even when abstaining)
 * @param bounds the confidence bounds the radius comes from
 */
public record Certificate(int label, int radius, TopClass top, Bounds bounds) {
  /** The most voted class and its votes. */
  public record TopClass(int label, long votes) {}

  /**
   * @param pLower lower confidence bound on the probability of the top class
   * @param pUpperOthers upper confidence bound on the runner-up's probability when it is bounded on its
   *     own, else 1 - pLower (all other classes together)
   */
  public record Bounds(double pLower, double pUpperOthers) {}

  public int topClass() {
    return top.label();
  }

  public long topVotes() {
    return top.votes();
  }

  public double pLower() {
    return bounds.pLower();
  }

  public double pUpperOthers() {
    return bounds.pUpperOthers();
  }

  public boolean abstained() {
    return label == L0Certificate.ABSTAIN;
  }

  /** Correct and certified at radius >= r (an abstention is never correct). */
  public boolean certifiedAt(int trueLabel, int r) {
    return !abstained() && label == trueLabel && radius >= r;
  }
}
