package org.smoothcert.attack;

import org.smoothcert.data.Examples;
import org.smoothcert.smoothing.Scheme;

/**
 * BadNets (Gu et al. 2017) against a poisoned-example certificate: R training images of the victims'
 * classes (never the target's; the {@link PoisonOrder most typical} first, so the attack at R contains
 * the attack at every smaller R) get a corner trigger of s pixels and the target label; the same
 * trigger is stamped on every test image.
 *
 * <p>The attacked run votes on {@link #rows 2m rows}: the m triggered test images, then the m clean ones.
 * Which half lies in the threat the scheme certifies ({@link #threatRows}):
 * <ul>
 *   <li>bagflip with {@code certify.trigger-size = s}: R training examples modified (none inserted or
 *       deleted), each with at most s changed features and any label, plus at most s changed test features: the triggered half (the natural
 *       BadNets attack is inside the threat);
 *   <li>bagging and partition aggregation: R poisoned examples of any content, the test input unchanged:
 *       the clean half. Their certificates say nothing about a triggered test input, so the triggered
 *       half only measures the attack's success.
 * </ul>
 */
public final class BadNetsPlan {
  private final Examples train;
  private final Examples test;
  private final int target;
  private final Trigger trigger;
  private final int[] poisonOrder;
  private final Examples rows;

  public BadNetsPlan(Examples train, Examples test, int target, int triggerSize) {
    this.train = train;
    this.test = test;
    this.target = target;
    int side = (int) Math.round(Math.sqrt(train.dim()));
    if (side * side != train.dim()) {
      throw new IllegalArgumentException("BadNets' corner trigger needs square images, got " + train.dim() + " pixels");
    }
    this.trigger = Trigger.cornerPatch(triggerSize, side, train.domains().uniform() - 1);
    this.poisonOrder = PoisonOrder.typicalFirst(train, test, target);
    this.rows = rows(test, Poisoning.triggered(test, Poisoning.allRows(test), trigger));
  }

  public Trigger trigger() {
    return trigger;
  }

  public int target() {
    return target;
  }

  /** Training images the attacker may poison: those not of the target class. */
  public int candidates() {
    return poisonOrder.length;
  }

  /** The training rows poisoned at R, sorted. */
  public int[] poisonedRows(int r) {
    if (r < 1 || r > poisonOrder.length) {
      throw new IllegalArgumentException("R must be between 1 and the " + poisonOrder.length
          + " training images not of the target class, got " + r);
    }
    return PoisonOrder.first(poisonOrder, r);
  }

  /** The poisoned training set at R: the trigger stamped on R images, their label set to the target. */
  public Examples poisoned(int r) {
    int[] rows = poisonedRows(r);
    return Poisoning.relabelled(Poisoning.triggered(train, rows, trigger), rows, target);
  }

  /** The attacked runs' rows: the m triggered test images [0, m), then the m clean ones [m, 2m). */
  public Examples rows() {
    return rows;
  }

  /** The offset in {@link #rows} of the half lying in the threat {@code scheme} certifies. */
  public static int threatRows(Scheme scheme, int m) {
    return switch (scheme) {
      case BAGFLIP -> 0;
      case BAGGING, PARTITION -> m;
      case FLIP -> throw new IllegalArgumentException("the flip noise's BadNets attack is the default harness's");
    };
  }

  private static Examples rows(Examples clean, Examples triggered) {
    int m = clean.count();
    byte[] features = new byte[2 * clean.features().length];
    byte[] labels = new byte[2 * m];
    System.arraycopy(triggered.features(), 0, features, 0, triggered.features().length);
    System.arraycopy(clean.features(), 0, features, clean.features().length, clean.features().length);
    System.arraycopy(clean.labels(), 0, labels, 0, m);
    System.arraycopy(clean.labels(), 0, labels, m, m);
    return new Examples(2 * m, clean.domains(), clean.classes(), features, labels);
  }
}
