package org.smoothcert.attack;

import org.smoothcert.certify.Certificate;

/**
 * One attacked copy of a test point as the full-N run saw it, next to the clean run's answer at the
 * point. Its cost is what the attack changed for it, counted from the data: training labels and pixels
 * of its level's training set, and its own test pixels.
 *
 * @param copy which copy it is: its level, the point, the pixels meant and the surrogate's screen
 * @param changes what the attack changed for it, counted from the data
 * @param smoothed the smoothed classifier's answers and votes, clean and on the copy
 * @param undefended the undefended MLP's predictions, clean and on the copy
 */
public record RowOutcome(Copy copy, Changes changes, Smoothed smoothed, Undefended undefended) {
  /**
   * @param level the name of its training set ({@link AdaptiveSearch.Level})
   * @param point the test point (index)
   * @param pixels the test pixels the search meant to change (the cost counts {@code testPixels})
   * @param screenedShare the surrogate's share of votes for the clean class on the copy (NaN: not screened)
   */
  public record Copy(String level, int point, int pixels, double screenedShare) {}

  /** The training labels and pixels of its level's training set and its own test pixels that differ. */
  public record Changes(int trainingLabels, int trainingPixels, int testPixels) {}

  /**
   * @param clean the clean run's certificate at the point
   * @param attacked the smoothed classifier's answer on the copy (certified as the clean run certifies)
   * @param votes the votes for the point's clean top class, clean and on the copy
   */
  public record Smoothed(Certificate clean, Certificate attacked, Votes votes) {}

  /**
   * @param clean the clean run's votes for the point's clean top class
   * @param attacked the votes for that class on the copy
   * @param classifiers the classifiers that voted
   */
  public record Votes(long clean, long attacked, long classifiers) {}

  /**
   * @param clean the undefended MLP's prediction on the clean point (trained on the clean set)
   * @param attacked its prediction on the copy (trained on the level's training set)
   */
  public record Undefended(int clean, int attacked) {}

  public String level() {
    return copy.level();
  }

  public int point() {
    return copy.point();
  }

  public int pixels() {
    return copy.pixels();
  }

  public double screenedShare() {
    return copy.screenedShare();
  }

  public int trainingLabels() {
    return changes.trainingLabels();
  }

  public int trainingPixels() {
    return changes.trainingPixels();
  }

  public int testPixels() {
    return changes.testPixels();
  }

  public Certificate clean() {
    return smoothed.clean();
  }

  public Certificate attacked() {
    return smoothed.attacked();
  }

  public long cleanVotes() {
    return smoothed.votes().clean();
  }

  public long attackedVotes() {
    return smoothed.votes().attacked();
  }

  public long classifiers() {
    return smoothed.votes().classifiers();
  }

  public int undefendedClean() {
    return undefended.clean();
  }

  public int undefendedAttacked() {
    return undefended.attacked();
  }

  public int cost() {
    return trainingLabels() + trainingPixels() + testPixels();
  }

  /** The smoothed prediction differs from the clean one (an abstention under attack counts, to be strict). */
  public boolean changed() {
    return attacked().label() != clean().label();
  }

  /** The clean certificate claims this copy: something changed, within its radius. */
  public boolean covered() {
    return cost() >= 1 && !clean().abstained() && clean().radius() >= cost();
  }

  /** The clean certificate reaches {@code budget}: the point did not abstain and its radius is at least it. */
  public boolean certifiedAt(int budget) {
    return !clean().abstained() && clean().radius() >= budget;
  }

  public boolean violation() {
    return covered() && changed();
  }

  public boolean undefendedChanged() {
    return undefendedAttacked() != undefendedClean();
  }

  /** The change of the clean class's vote share, e.g. -0.05 for 5 points fewer of N. */
  public double voteShift() {
    return (double) (attackedVotes() - cleanVotes()) / classifiers();
  }
}
