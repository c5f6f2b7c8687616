package org.smoothcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/** The ceiling line before training: true also when certify.max-radius, not N, stops the search. */
class CeilingLineTest {
  private static String ceiling(String... sets) {
    RunConfig config = RunConfig.from(ConfigLoader.load(null, List.of(sets), new Configuration()));
    return Reports.ceiling(config, 2, config.data().trainSize());
  }

  @Test
  void whenTheMaxRadiusStopsTheSearchTheLineSaysSoAndStaysShort() {
    String text = ceiling("smoothing.beta=0.51", "smoothing.classifiers=40", "data.test-size=50",
        "certify.max-radius=50");
    String[] lines = text.strip().split("\n");
    assertEquals(2, lines.length, text);
    assertTrue(lines[0].length() < 400, "the votes line is short: " + lines[0]);
    assertTrue(lines[0].endsWith("r=0: 34, r=1: 35, r=2: 35, ..., r=50: 37"), lines[0]);
    assertEquals("ceiling: certify.max-radius = 50 stops the search: a unanimous vote of N=40 certifies every"
        + " radius up to it (raise certify.max-radius to search further)", lines[1]);
    assertFalse(text.contains("needs N >="), text);
  }

  @Test
  void whenNStopsAFarRadiusTheVotesLineStaysShort() {
    String text = ceiling("smoothing.beta=0.51", "smoothing.classifiers=40", "data.test-size=50");
    assertTrue(text.contains("r=0: 34, r=1: 35, r=2: 35, ..., r=284: 40\n"), text);
    assertTrue(text.contains("ceiling: no radius above 284 is certifiable with N=40 (radius 285 needs "), text);
  }

  @Test
  void whenNStopsItTheLineIsAsBefore() {
    String text = ceiling("smoothing.classifiers=10000", "data.test-size=1000");
    assertTrue(text.contains("ceiling: no radius above 2 is certifiable with N=10,000 (radius 3 needs 21,147)"), text);
    assertTrue(text.contains("r=0: 5246, r=1: 9554, r=2: 9974"), text);
  }
}
