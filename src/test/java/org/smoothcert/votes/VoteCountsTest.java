package org.smoothcert.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VoteCountsTest {
  private static VoteCounts slice(int[]... classifiers) {
    VoteCounts v = new VoteCounts(3, 3);
    for (int[] predictions : classifiers) {
      v.addClassifier(predictions);
    }
    return v;
  }

  @Test
  void mergeIsOrderIndependent() {
    VoteCounts a = slice(new int[] {0, 1, 2}, new int[] {0, 0, 2});
    VoteCounts b = slice(new int[] {1, 1, 1});
    VoteCounts c = slice(new int[] {2, 1, 0}, new int[] {0, 1, 2}, new int[] {0, 2, 2});
    VoteCounts abc = slice().merge(a).merge(b).merge(c);
    VoteCounts cba = slice().merge(c).merge(slice().merge(b).merge(a));
    assertEquals(abc, cba);
    assertEquals(6, abc.classifiers());
    assertEquals(4, abc.count(0, 0));
    assertEquals(0, abc.top(0));
    assertEquals(1, abc.top(1));
  }

  @Test
  void storedCountsMustAddUpToTheClassifiers() {
    assertThrows(IllegalArgumentException.class, () -> VoteCounts.of(2, 2, 5, new int[] {3, 2, 4, 0}));
    assertEquals(5, VoteCounts.of(2, 2, 5, new int[] {3, 2, 4, 1}).classifiers());
  }

  @Test
  void rejectsPredictionsOutsideTheClasses() {
    assertThrows(IllegalArgumentException.class, () -> slice(new int[] {0, 3, 1}));
  }

  @Test
  void aClassifierThatAbstainsEverywhereCountsAmongNButVotesForNoClass() {
    VoteCounts v = new VoteCounts(2, 3);
    v.addClassifier(new int[] {0, 2});
    v.addAbstention();
    org.junit.jupiter.api.Assertions.assertEquals(2, v.classifiers());
    org.junit.jupiter.api.Assertions.assertEquals(1, v.count(0, 0) + v.count(0, 1) + v.count(0, 2));
    VoteCounts back = VoteCounts.of(2, 3, 2, v.toArray());
    org.junit.jupiter.api.Assertions.assertEquals(v, back);
    // Stored counts whose points have different sums are refused: one classifier's vote is missing somewhere.
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> VoteCounts.of(2, 3, 2, new int[] {1, 0, 0, 1, 1, 0}));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> VoteCounts.of(2, 3, 1, new int[] {1, 1, 0, 1, 1, 0}));
  }
}
