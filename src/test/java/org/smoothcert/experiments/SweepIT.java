package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepIT {
  static final List<String> SMALL = List.of("data.dir=\"" + CertifyRunIT.DATA + "\"", "data.train-size=40",
      "data.test-size=60", "smoothing.classifiers=16", "learner.hidden=8", "learner.max-iter=30");

  @TempDir
  Path tmp;

  @Test
  void betaSweepWritesOneTableAndOnePlot() throws Exception {
    Sweep.Result result = Sweep.execute(null, SMALL, "smoothing.beta", List.of("0.8", "0.9"), tmp.toString(),
        "local[2]", new Configuration());
    List<String> summary = Files.readAllLines(tmp.resolve("sweep-summary.csv"));
    assertEquals(3, summary.size(), summary.toString());
    assertTrue(summary.get(1).startsWith("smoothing.beta,0.8,"), summary.get(1));
    assertTrue(Files.size(tmp.resolve("sweep.png")) > 1000);
    assertTrue(Files.exists(tmp.resolve("smoothing.beta=0.9/points.csv")));
    assertTrue(result.report().console().contains("base acc"));
    assertEquals(0, result.trainedOnce(), "every value is trained");
  }

  @Test
  void classifierSweepTrainsTheLargestNOnceAndMatchesAFreshRun() throws Exception {
    Sweep.Result result = Sweep.execute(null, SMALL, "smoothing.classifiers", List.of("8", "16"), tmp.toString(),
        "local[2]", new Configuration());
    assertEquals(16, result.trainedOnce());
    try (var files = Files.list(tmp.resolve("smoothing.classifiers=8"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("votes.id")), "N=8 was re-certified, not trained");
    }
    Path fresh = tmp.resolve("fresh-8");
    CertifyRunIT.run("local[1]", CertifyRunIT.small(fresh.toString(), "smoothing.classifiers=8"));
    assertEquals(Files.readString(fresh.resolve("points.csv")),
        Files.readString(tmp.resolve("smoothing.classifiers=8/points.csv")));
  }
}
