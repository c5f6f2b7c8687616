package org.smoothcert.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.votes.SliceCodecTest;
import org.smoothcert.votes.SliceVotes;

class SlicePlanTest {
  private static SlicePlan.Range r(long a, long b) {
    return new SlicePlan.Range(a, b);
  }

  @Test
  void freshRunCutsNIntoEqualSlices() {
    SlicePlan p = SlicePlan.plan(10, 3, List.of());
    assertEquals(List.of(r(0, 4), r(4, 8), r(8, 10)), p.toTrain());
    assertEquals(0, p.reusedClassifiers());
  }

  @Test
  void resumeTrainsOnlyTheMissingSlices() {
    List<SliceVotes> stored = List.of(SliceCodecTest.slice(4, 8));
    SlicePlan p = SlicePlan.plan(10, 3, stored);
    assertEquals(List.of(r(0, 4), r(8, 10)), p.toTrain());
    assertEquals(4, p.reusedClassifiers());
  }

  @Test
  void largerNReusesTheSmallerRun() {
    List<SliceVotes> stored = List.of(SliceCodecTest.slice(0, 4), SliceCodecTest.slice(4, 8), SliceCodecTest.slice(8, 10));
    SlicePlan p = SlicePlan.plan(20, 4, stored);
    assertEquals(10, p.reusedClassifiers());
    assertEquals(List.of(r(10, 15), r(15, 20)), p.toTrain());
  }

  @Test
  void ignoresSlicesBeyondNAndOverlaps() {
    List<SliceVotes> stored = List.of(SliceCodecTest.slice(0, 6), SliceCodecTest.slice(3, 9), SliceCodecTest.slice(8, 12));
    SlicePlan p = SlicePlan.plan(10, 2, stored);
    assertEquals(1, p.reused().size());
    assertEquals(List.of(r(6, 10)), p.toTrain());
  }

  @Test
  void autoSlicesKeepEveryCoreBusy() {
    assertEquals(200, SlicePlan.autoSlices(10_000, 2));
    assertEquals(8, SlicePlan.autoSlices(100, 4));
    assertEquals(3, SlicePlan.autoSlices(3, 8));
  }

  @Test
  void theLargestNIsCutIntoAtMostMaxSlicesWithoutListingAClassifierEach() {
    long n = Integer.MAX_VALUE;
    int slices = SlicePlan.autoSlices(n, 2);
    assertEquals(SlicePlan.MAX_SLICES, slices);
    SlicePlan plan = SlicePlan.plan(n, slices, List.of());
    assertEquals(SlicePlan.MAX_SLICES, plan.toTrain().size());
    assertEquals(n, plan.classifiersToTrain());
    assertThrows(IllegalArgumentException.class, () -> SlicePlan.plan(n, SlicePlan.MAX_SLICES + 1, List.of()));
  }

  @Test
  void cutsAreSliceBoundaries() {
    SlicePlan p = SlicePlan.plan(10, 3, List.of(), 5);
    assertEquals(List.of(r(0, 4), r(4, 5), r(5, 9), r(9, 10)), p.toTrain());
    List<SliceVotes> stored = List.of(SliceCodecTest.slice(0, 4), SliceCodecTest.slice(4, 8));
    SlicePlan q = SlicePlan.plan(10, 3, stored, 5);
    assertEquals(1, q.reused().size(), "the slice [4, 8) straddles the cut at 5");
    assertEquals(List.of(r(4, 5), r(5, 9), r(9, 10)), q.toTrain());
  }
}
