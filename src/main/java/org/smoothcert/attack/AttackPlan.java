package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpMargins;

/**
 * The attacks mounted for each budget r, each the strongest of its kind that fits r:
 * <ul>
 *   <li>label flip: the r {@link PoisonOrder most typical} victim-class training images relabelled to
 *       the target (cost r);
 *   <li>test pixels: r pixels of each victim test image, {@link TestPixelSearch chosen on the undefended
 *       MLP} (cost r);
 *   <li>BadNets: a t-pixel corner trigger on the P most typical victim-class training images, relabelled,
 *       and on every test image. It costs t P + P + t = (t + 1)(P + 1) - 1, so t and P are the most
 *       balanced pair with (t + 1)(P + 1) <= r + 1 (none below r = 3).
 * </ul>
 */
public final class AttackPlan {
  private final Examples train;
  private final Examples test;
  private final int target;
  private final MlpMargins undefended;
  private final int[] poisonOrder;
  private final int imageSide;

  /**
   * @param undefended the MLP trained on the clean training set, which the test-pixel search attacks
   */
  public AttackPlan(Examples train, Examples test, int target, MlpMargins undefended) {
    this.train = train;
    this.test = test;
    this.target = target;
    this.undefended = undefended;
    this.poisonOrder = PoisonOrder.typicalFirst(train, test, target);
    this.imageSide = (int) Math.round(Math.sqrt(train.dim()));
    if (imageSide * imageSide != train.dim()) {
      throw new IllegalArgumentException("BadNets' corner trigger needs square images, got " + train.dim() + " pixels");
    }
  }

  /**
   * Every attack that fits each budget, in budget order; a kind is left out where the data cannot take
   * it (more label flips than victim-class training images, more test pixels than an image has).
   */
  public List<Attack> attacks(List<Integer> budgets) {
    List<Attack> attacks = new ArrayList<>();
    for (int r : budgets) {
      if (r <= poisonOrder.length) {
        attacks.add(labelFlip(r));
      }
      if (r <= test.dim()) {
        attacks.add(testPixels(r));
      }
      int t = (int) Math.floor(Math.sqrt(r + 1.0)) - 1;
      int p = (r + 1) / (t + 1) - 1;
      boolean triggerFits = t <= (imageSide - 1) * (imageSide - 1);
      if (t >= 1 && p >= 1 && p <= poisonOrder.length && triggerFits) {
        attacks.add(badNets(r, t, p));
      }
    }
    return attacks;
  }

  Attack labelFlip(int r) {
    Examples poisoned = Poisoning.relabelled(train, PoisonOrder.first(poisonOrder, r), target);
    return attack(AttackKind.LABEL_FLIP, r, r, 0, poisoned, test);
  }

  Attack testPixels(int r) {
    return attack(AttackKind.TEST_PIXELS, r, 0, r, train, TestPixelSearch.attack(undefended, test, target, r));
  }

  Attack badNets(int r, int triggerPixels, int images) {
    Trigger trigger = Trigger.cornerPatch(triggerPixels, imageSide, train.domains().uniform() - 1);
    int[] rows = PoisonOrder.first(poisonOrder, images);
    Examples poisoned = Poisoning.relabelled(Poisoning.triggered(train, rows, trigger), rows, target);
    return attack(AttackKind.BADNETS, r, images, triggerPixels, poisoned,
        Poisoning.triggered(test, Poisoning.allRows(test), trigger));
  }

  private Attack attack(AttackKind kind, int budget, int images, int pixels, Examples poisoned, Examples attacked) {
    AttackCost cost = AttackCost.between(train, poisoned, test, attacked);
    if (cost.max() > budget) {
      throw new IllegalStateException(kind.slug() + " at budget " + budget + " costs " + cost.max());
    }
    return new Attack(new Attack.Aim(kind, budget, target), new Attack.Reach(images, pixels),
        new Attack.Sets(poisoned, attacked), cost);
  }
}
