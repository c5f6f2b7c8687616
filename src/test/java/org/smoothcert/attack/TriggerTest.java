package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TriggerTest {
  @Test
  void theCornerPatchIsABlockInsideTheBottomRightCorner() {
    // 28 x 28, a block 2 wide: row 26, columns 26 and 25, then row 25.
    assertArrayEquals(new int[] {26 * 28 + 26, 26 * 28 + 25, 25 * 28 + 26, 25 * 28 + 25},
        Trigger.cornerPatch(4, 28, 1).features());
    assertArrayEquals(new int[] {26 * 28 + 26, 26 * 28 + 25, 25 * 28 + 26}, Trigger.cornerPatch(3, 28, 1).features());
    assertArrayEquals(new int[] {26 * 28 + 26}, Trigger.cornerPatch(1, 28, 1).features());
    assertThrows(IllegalArgumentException.class, () -> Trigger.cornerPatch(16, 4, 1));
    assertThrows(IllegalArgumentException.class, () -> new Trigger(new int[] {3, 3}, 1));
  }

  @Test
  void applyingItChangesExactlyTheTriggerPixelsThatDiffer() {
    Trigger trigger = new Trigger(new int[] {1, 4, 6}, 1);
    // The example starts at offset 1; its feature 4 (data[5]) is already 1.
    byte[] data = {9, 0, 0, 1, 1, 1, 0, 0, 9};
    byte[] before = data.clone();
    assertEquals(2, trigger.changes(data, 1));
    trigger.applyTo(data, 1);
    int changed = 0;
    for (int k = 0; k < data.length; k++) {
      boolean inTrigger = k == 2 || k == 5 || k == 7;
      if (!inTrigger) {
        assertEquals(before[k], data[k], "byte " + k + " is outside the trigger");
      } else {
        assertEquals(1, data[k]);
      }
      changed += data[k] != before[k] ? 1 : 0;
    }
    assertEquals(2, changed);
    assertEquals(0, trigger.changes(data, 1));
  }
}
