package org.smoothcert.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunVotesTest {
  @Test
  void withoutN0TheSameVotesSelectAndBound() {
    RunVotes v = RunVotes.of(List.of(SliceCodecTest.slice(0, 5), SliceCodecTest.slice(5, 12)), 4, 2, 0);
    assertSame(v.selection(), v.estimation());
    assertEquals(12, v.classifiers());
    assertEquals(new TrainingStats(new TrainingStats.Accuracy(14, 16),
        new TrainingStats.Effort(18, 20), new TrainingStats.Nanos(22, 24)), v.stats());
  }

  @Test
  void twoSampleSplitsAtN0() {
    RunVotes v = RunVotes.of(List.of(SliceCodecTest.slice(5, 12), SliceCodecTest.slice(0, 5)), 4, 2, 5);
    assertTrue(v.twoSample());
    assertEquals(5, v.selection().classifiers());
    assertEquals(7, v.estimation().classifiers());
    assertEquals(12, v.classifiers());
    assertThrows(IllegalArgumentException.class,
        () -> RunVotes.of(List.of(SliceCodecTest.slice(0, 12)), 4, 2, 5));
  }
}
