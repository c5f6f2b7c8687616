package org.smoothcert.attack;

/** The attacks the harness mounts, each the worst of its kind an L0 attacker can afford. */
public enum AttackKind {
  /** BadNets (Gu et al. 2017): a trigger on P training images relabelled to the target, and on every test image. */
  BADNETS("badnets"),
  /** Training labels only: P training labels switched to the target; test images untouched. */
  LABEL_FLIP("label-flip"),
  /** Test pixels only: r pixels of each test image, chosen to push the undefended MLP to the target. */
  TEST_PIXELS("test-pixels");

  private final String slug;

  AttackKind(String slug) {
    this.slug = slug;
  }

  /** The name in attack.csv and in the attacked runs' directory names. */
  public String slug() {
    return slug;
  }
}
