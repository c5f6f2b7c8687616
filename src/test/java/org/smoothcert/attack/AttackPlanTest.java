package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.HIDDEN;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.MlpMargins;
import org.smoothcert.model.learner.MlpLearner;

class AttackPlanTest {
  private static final int SIDE = 8;
  private static final int TARGET = 1;
  private static final Examples TRAIN = draw(30, 1);
  private static final Examples TEST = draw(20, 2);
  private static final MlpMargins UNDEFENDED = MlpMargins.of(
      new UndefendedModel(new MlpLearner(FitLike.config().with(HIDDEN, 4).learner()), 3).train(TRAIN), 2);
  private static final Map<String, Attack> ATTACKS = new AttackPlan(TRAIN, TEST, TARGET, UNDEFENDED)
      .attacks(List.of(1, 2, 5, 10)).stream().collect(Collectors.toMap(Attack::name, Function.identity()));

  /** Two classes of binary 8x8 images: a left or right vertical bar, with 5% of pixels flipped. */
  private static Examples draw(int count, long seed) {
    Random random = new Random(seed);
    byte[] features = new byte[count * SIDE * SIDE];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 2);
      for (int p = 0; p < SIDE * SIDE; p++) {
        boolean bar = p % SIDE == (i % 2 == 0 ? 2 : 5);
        features[i * SIDE * SIDE + p] = (byte) (bar ^ random.nextDouble() < 0.05 ? 1 : 0);
      }
    }
    return new Examples(count, SIDE * SIDE, 2, 2, features, labels);
  }

  @Test
  void eachBudgetGetsTheAttacksThatFitIt() {
    assertEquals(List.of("badnets-r10", "badnets-r5", "label-flip-r1", "label-flip-r10", "label-flip-r2",
        "label-flip-r5", "test-pixels-r1", "test-pixels-r10", "test-pixels-r2", "test-pixels-r5"),
        ATTACKS.keySet().stream().sorted().toList());
    for (Attack a : ATTACKS.values()) {
      assertTrue(a.cost().max() <= a.budget(), a.name() + " costs " + a.cost().max());
    }
  }

  @Test
  void aBudgetBeyondWhatTheDataCanTakeGetsNoAttack() {
    assertEquals(List.of(), new AttackPlan(TRAIN, TEST, TARGET, UNDEFENDED).attacks(List.of(1000)),
        "64 pixels, 15 victim-class training images, and BadNets would need 31 of them");
  }

  @Test
  void aLabelFlipRelabelsTheMostTypicalVictimImagesAndNothingElse() {
    Attack flip = ATTACKS.get("label-flip-r5");
    int[] order = PoisonOrder.typicalFirst(TRAIN, TEST, TARGET);
    assertEquals(15, order.length, "the 15 training images of class 0");
    int[] flipped = PoisonOrder.first(order, 5);
    for (int k = 0; k < TRAIN.count(); k++) {
      boolean isFlipped = Arrays.binarySearch(flipped, k) >= 0;
      assertEquals(isFlipped ? TARGET : TRAIN.label(k), flip.train().label(k), "label of " + k);
      assertTrue(!isFlipped || TRAIN.label(k) != TARGET);
    }
    assertArrayEquals(TRAIN.features(), flip.train().features());
    assertArrayEquals(TEST.features(), flip.test().features());
    assertEquals(5, flip.cost().max());
    assertEquals(5, flip.cost().of(0));
  }

  @Test
  void badNetsBalancesTriggerPixelsAndPoisonedImagesWithinTheBudget() {
    Attack small = ATTACKS.get("badnets-r5");
    assertEquals(List.of(1, 2), List.of(small.triggerPixels(), small.poisonedImages()));
    Attack large = ATTACKS.get("badnets-r10");
    assertEquals(List.of(2, 2), List.of(large.triggerPixels(), large.poisonedImages()));
    assertEquals(2, large.cost().trainingLabels());
    assertTrue(large.cost().trainingPixels() <= 4);
    Trigger trigger = Trigger.cornerPatch(2, SIDE, 1);
    for (int i = 0; i < TEST.count(); i++) {
      assertEquals(trigger.changes(TEST.features(), i * TEST.dim()), large.cost().testPixels()[i]);
      assertEquals(0, trigger.changes(large.test().features(), i * TEST.dim()));
    }
  }

  @Test
  void theTestPixelAttackChangesRPixelsOfEveryVictimAndPushesItToTheTarget() {
    Attack pixels = ATTACKS.get("test-pixels-r5");
    assertArrayEquals(TRAIN.features(), pixels.train().features());
    assertArrayEquals(TRAIN.labels(), pixels.train().labels());
    for (int i = 0; i < TEST.count(); i++) {
      boolean victim = TEST.label(i) != TARGET;
      assertEquals(victim ? 5 : 0, pixels.cost().of(i), "point " + i);
      if (victim) {
        assertTrue(UNDEFENDED.margin(pixels.test().features(), i * TEST.dim(), TARGET)
            > UNDEFENDED.margin(TEST.features(), i * TEST.dim(), TARGET));
      }
    }
  }
}
