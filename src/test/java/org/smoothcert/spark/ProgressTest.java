package org.smoothcert.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void reportsAtMostOncePerIntervalAndAtTheEnd() {
    long[] now = {0};
    List<String> lines = new ArrayList<>();
    Progress p = new Progress(1000, 200, Duration.ofSeconds(5), () -> now[0], lines::add);
    for (int i = 0; i < 16; i++) {
      now[0] += 1_000_000_000L; // one second per slice of 50
      p.completed(50);
    }
    // 16 slices over 16 s: reports at 5, 10, 15 s and at the end (16 s).
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("classifiers 450 / 1,000 (45%), 50.0/s, 5s elapsed, ETA 11s"), lines.get(0));
    assertTrue(lines.get(3).endsWith("done"), lines.get(3));
  }
}
