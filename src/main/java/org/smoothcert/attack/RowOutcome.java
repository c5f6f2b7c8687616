package org.smoothcert.attack;

import org.smoothcert.certify.Certificate;

/**
 * One attacked copy of a test point as the full-N run saw it, next to the clean run's answer at the
 * point. Its cost is what the attack changed for it, counted from the data: training labels and pixels
 * of its level's training set, and its own test pixels.
 *
 * @param level the name of its training set ({@link AdaptiveSearch.Level})
 * @param pixels the test pixels the search meant to change (the cost counts {@code testPixels})
 * @param clean the clean run's certificate at the point
 * @param attacked the smoothed classifier's answer on the copy (certified as the clean run certifies)
 * @param cleanVotes the clean run's votes for the point's clean top class
 * @param attackedVotes the votes for that class on the copy
 * @param undefendedClean the undefended MLP's prediction on the clean point (trained on the clean set)
 * @param undefendedAttacked its prediction on the copy (trained on the level's training set)
 * @param screenedShare the surrogate's share of votes for the clean class on the copy (NaN: not screened)
 */
public record RowOutcome(String level, int point, int pixels, int trainingLabels, int trainingPixels, int testPixels,
    Certificate clean, Certificate attacked, long cleanVotes, long attackedVotes, long classifiers,
    int undefendedClean, int undefendedAttacked, double screenedShare) {

  public int cost() {
    return trainingLabels + trainingPixels + testPixels;
  }

  /** The smoothed prediction differs from the clean one (an abstention under attack counts, to be strict). */
  public boolean changed() {
    return attacked.label() != clean.label();
  }

  /** The clean certificate claims this copy: something changed, within its radius. */
  public boolean covered() {
    return cost() >= 1 && !clean.abstained() && clean.radius() >= cost();
  }

  /** The clean certificate reaches {@code budget}: the point did not abstain and its radius is at least it. */
  public boolean certifiedAt(int budget) {
    return !clean.abstained() && clean.radius() >= budget;
  }

  public boolean violation() {
    return covered() && changed();
  }

  public boolean undefendedChanged() {
    return undefendedAttacked != undefendedClean;
  }

  /** The change of the clean class's vote share, e.g. -0.05 for 5 points fewer of N. */
  public double voteShift() {
    return (double) (attackedVotes - cleanVotes) / classifiers;
  }
}
