package org.smoothcert.certify;

/**
 * The smoothed classifier's answer at one test point.
 *
 * @param label the certified label, or {@link L0Certificate#ABSTAIN} when p_lower <= 1/2
 * @param topClass the most voted class (reported even when abstaining)
 * @param topVotes its votes
 * @param pLower lower confidence bound on the probability of the top class
 * @param pUpperOthers upper confidence bound on the runner-up's probability when it is bounded on its
 *     own, else 1 - pLower (all other classes together)
 * @param radius certified L0 radius, {@link L0Certificate#ABSTAIN} when abstaining
 */
public record Certificate(int label, int topClass, long topVotes, double pLower, double pUpperOthers, int radius) {
  public boolean abstained() {
    return label == L0Certificate.ABSTAIN;
  }

  /** Correct and certified at radius >= r (an abstention is never correct). */
  public boolean certifiedAt(int trueLabel, int r) {
    return !abstained() && label == trueLabel && radius >= r;
  }
}
