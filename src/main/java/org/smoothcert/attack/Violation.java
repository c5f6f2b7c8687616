package org.smoothcert.attack;

import org.smoothcert.certify.Certificate;

/**
 * A test point whose clean certificate covered the attack on it (radius >= cost) and whose smoothed
 * prediction under the attack is not its clean one: a contradiction of the certificate, possible only
 * with the run's probability alpha (an abstention under attack counts, to be strict).
 *
 * @param site the test point, its true class and what the attack changed for it
 */
public record Violation(Attack attack, Site site, Certificate clean, Certificate attacked) {
  /** A test point (index), its true class and the attack's cost on it. */
  public record Site(int point, int trueLabel, int cost) {}

  public int point() {
    return site.point();
  }

  public int trueLabel() {
    return site.trueLabel();
  }

  public int cost() {
    return site.cost();
  }
}
