package org.smoothcert.attack;

import org.smoothcert.data.Examples;

/**
 * One backdoor attack: one poisoned training set and one attacked copy of the test set (the trigger on
 * every test image), as the smoothed classifier and the undefended MLP both meet it.
 *
 * @param kind what the attacker changes
 * @param budget the L0 budget it was built for; its {@link #cost()} never exceeds it
 * @param target the class (index) the attacker wants victims predicted as
 * @param poisonedImages training images whose label (and, for BadNets, pixels) it changes
 * @param triggerPixels pixels it may change on each test image
 * @param train the poisoned training set
 * @param test the attacked test set
 * @param cost what it actually changed, per test point
 */
public record Attack(AttackKind kind, int budget, int target, int poisonedImages, int triggerPixels, Examples train,
    Examples test, AttackCost cost) {
  /** E.g. {@code badnets-r10}: the name of its run directory. */
  public String name() {
    return kind.slug() + "-r" + budget;
  }
}
