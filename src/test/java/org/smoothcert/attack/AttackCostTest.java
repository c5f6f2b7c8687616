package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smoothcert.data.Examples;

class AttackCostTest {
  /** Three 2x2 binary images: labels 0, 1, 0. */
  private static final Examples TRAIN = new Examples(3, 4, 2, 2,
      new byte[] {0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1}, new byte[] {0, 1, 0});
  private static final Examples TEST = new Examples(2, 4, 2, 2, new byte[] {0, 0, 0, 1, 1, 1, 1, 1}, new byte[] {0, 1});

  @Test
  void aLabelAlreadyEqualToTheTargetCostsNothing() {
    Examples relabelled = Poisoning.relabelled(TRAIN, new int[] {0, 1}, 1);
    assertArrayEquals(new byte[] {1, 1, 0}, relabelled.labels());
    AttackCost cost = AttackCost.between(TRAIN, relabelled, TEST, TEST);
    assertEquals(1, cost.trainingLabels(), "example 1 already has label 1");
    assertEquals(0, cost.trainingPixels());
    assertEquals(1, cost.of(0));
    assertEquals(1, cost.of(1));
  }

  @Test
  void aTriggerPixelAlreadyAtTheTriggerValueCostsNothing() {
    Trigger trigger = new Trigger(new int[] {2, 3}, 1);
    int[] rows = {0, 2};
    Examples poisoned = Poisoning.relabelled(Poisoning.triggered(TRAIN, rows, trigger), rows, 1);
    Examples attacked = Poisoning.triggered(TEST, Poisoning.allRows(TEST), trigger);
    AttackCost cost = AttackCost.between(TRAIN, poisoned, TEST, attacked);
    assertEquals(2, cost.trainingPixels(), "image 0 changes both trigger pixels, image 2 has them on already");
    assertEquals(2, cost.trainingLabels());
    assertArrayEquals(new int[] {1, 0}, cost.testPixels());
    assertEquals(5, cost.of(0));
    assertEquals(4, cost.of(1));
    assertEquals(5, cost.max());
    assertEquals(trigger.changes(TEST.features(), 0), cost.testPixels()[0]);
  }

  @Test
  void theCleanDataCostsNothing() {
    AttackCost cost = AttackCost.between(TRAIN, TRAIN, TEST, TEST);
    assertEquals(0, cost.max());
  }
}
