package org.smoothcert.attack;

import org.smoothcert.data.Examples;

/**
 * One backdoor attack: one poisoned training set and one attacked copy of the test set (the trigger on
 * every test image), as the smoothed classifier and the undefended MLP both meet it.
 *
 * @param aim what it changes, its budget and its target
 * @param reach how many training images and test pixels it may change
 * @param sets the poisoned training set and the attacked test set
 * @param cost what it actually changed, per test point
 */
public record Attack(Aim aim, Reach reach, Sets sets, AttackCost cost) {
  /**
   * @param kind what the attacker changes
   * @param budget the L0 budget it was built for; the attack's {@link #cost()} never exceeds it
   * @param target the class (index) the attacker wants victims predicted as
   */
  public record Aim(AttackKind kind, int budget, int target) {}

  /**
   * @param poisonedImages training images whose label (and, for BadNets, pixels) it changes
   * @param triggerPixels pixels it may change on each test image
   */
  public record Reach(int poisonedImages, int triggerPixels) {}

  /**
   * @param train the poisoned training set
   * @param test the attacked test set
   */
  public record Sets(Examples train, Examples test) {}

  public AttackKind kind() {
    return aim.kind();
  }

  public int budget() {
    return aim.budget();
  }

  public int target() {
    return aim.target();
  }

  public int poisonedImages() {
    return reach.poisonedImages();
  }

  public int triggerPixels() {
    return reach.triggerPixels();
  }

  public Examples train() {
    return sets.train();
  }

  public Examples test() {
    return sets.test();
  }

  /** E.g. {@code badnets-r10}: the name of its run directory. */
  public String name() {
    return kind().slug() + "-r" + budget();
  }
}
