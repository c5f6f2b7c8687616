package org.smoothcert.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smoothcert.random.SplitMix64;

class PartialShuffleTest {
  private static final int[] POOL = IntStream.range(100, 140).toArray();

  @Test
  void drawsDistinctElementsOfThePoolAndLeavesItAlone() {
    int[] drawn = PartialShuffle.draw(POOL, 15, new SplitMix64(3));
    assertEquals(15, drawn.length);
    assertEquals(15, Arrays.stream(drawn).distinct().count());
    assertTrue(Arrays.stream(drawn).allMatch(x -> x >= 100 && x < 140));
    assertArrayEquals(IntStream.range(100, 140).toArray(), POOL);
    int[] all = PartialShuffle.draw(POOL, POOL.length, new SplitMix64(3));
    assertArrayEquals(POOL, Arrays.stream(all).sorted().toArray());
  }

  @Test
  void theFirstDrawsDoNotDependOnHowManyAreDrawn() {
    int[] few = PartialShuffle.draw(POOL, 5, new SplitMix64(9));
    int[] more = PartialShuffle.draw(POOL, 30, new SplitMix64(9));
    assertArrayEquals(few, Arrays.copyOf(more, 5));
  }

  @Test
  void eachElementIsEquallyLikelyFirst() {
    int[] pool = {0, 1, 2, 3};
    int[] firsts = new int[pool.length];
    int trials = 40_000;
    for (int t = 0; t < trials; t++) {
      firsts[PartialShuffle.draw(pool, 1, new SplitMix64(SplitMix64.mix(17, t)))[0]]++;
    }
    // Binomial(40000, 1/4): sd = 86.6; 5 sd leaves a fixed-seed test far from the edge.
    for (int count : firsts) {
      assertEquals(trials / 4.0, count, 5 * 86.6, Arrays.toString(firsts));
    }
  }
}
