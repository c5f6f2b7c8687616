package org.smoothcert.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantizerTest {
  @Test
  void twoLevelsIsThePapersBinarization() {
    Quantizer binary = new Quantizer(2);
    for (int pixel = 0; pixel < 256; pixel++) {
      assertEquals(pixel / 255.0 >= 0.5 ? 1 : 0, binary.level(pixel), "pixel " + pixel);
    }
    assertEquals(0, binary.level(127));
    assertEquals(1, binary.level(128));
  }

  @Test
  void levelsAreEqualWidthBins() {
    Quantizer four = new Quantizer(4);
    assertEquals(0, four.level(63));
    assertEquals(1, four.level(64));
    assertEquals(2, four.level(128));
    assertEquals(3, four.level(255));
    Quantizer three = new Quantizer(3);
    assertEquals(0, three.level(85));
    assertEquals(1, three.level(86));
    assertEquals(1, three.level(170));
    assertEquals(2, three.level(171));
  }

  @Test
  void everyLevelCountUsesAllItsLevelsInOrder() {
    for (int k = 2; k <= 256; k++) {
      Quantizer q = new Quantizer(k);
      int previous = 0;
      boolean[] seen = new boolean[k];
      for (int pixel = 0; pixel < 256; pixel++) {
        int level = q.level(pixel);
        assertTrue(level >= previous && level <= previous + 1, "K=" + k + " pixel " + pixel);
        seen[level] = true;
        previous = level;
      }
      assertEquals(k - 1, previous, "K=" + k);
      for (int level = 0; level < k; level++) {
        assertTrue(seen[level], "K=" + k + " level " + level);
      }
    }
    Quantizer raw = new Quantizer(256);
    assertEquals(200, raw.level(200));
  }

  @Test
  void levelsOutsideTwoTo256AreABug() {
    assertThrows(IllegalArgumentException.class, () -> new Quantizer(1));
    assertThrows(IllegalArgumentException.class, () -> new Quantizer(257));
  }
}
