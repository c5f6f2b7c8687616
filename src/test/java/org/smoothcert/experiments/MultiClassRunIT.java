package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.CiPackages;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Json;

/** Small end-to-end runs beyond binary, binarized MNIST: more classes, grey levels, Fashion-MNIST. */
class MultiClassRunIT {
  static final String MNIST = System.getProperty("smoothcert.mnist.dir", "data/mnist");
  static final String FASHION = "/usr/share/datasets/fashion-mnist";

  @TempDir
  Path tmp;

  Path run(String config, String... sets) {
    Path out = tmp.resolve("run");
    List<String> all = new ArrayList<>(List.of("data.train-size=60", "data.test-size=40", "smoothing.classifiers=20",
        "learner.hidden=8", "learner.max-iter=20", "learner.l2=0", "job.out=\"" + out + "\""));
    all.addAll(List.of(sets));
    Configuration hadoop = new Configuration();
    RunConfig c = RunConfig.from(ConfigLoader.load(config, all, hadoop));
    CertifyRun.execute(c, "local[2]", hadoop);
    return out;
  }

  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> summary(Path dir) throws Exception {
    return Json.read(Files.readString(dir.resolve("summary.json")));
  }

  @Test
  void tenDigitsWithGreyLevelsUseTheRunnerUpBoundAndTheLargerDomain() throws Exception {
    Path dir = run("conf/mnist-10.conf", "data.dir=\"" + MNIST + "\"", "data.levels=4");
    var summary = summary(dir);
    assertEquals(10, summary.get("classes"));
    assertEquals(4, summary.get("feature_domain"));
    var alpha = (java.util.Map<String, Object>) summary.get("alpha");
    assertEquals(true, alpha.get("runner_up_bound"));
    assertEquals(0.001 / 40 / 20, (Double) alpha.get("per_bound"), 1e-15);
    String header = Files.readAllLines(dir.resolve("points.csv")).get(0);
    assertTrue(header.contains("votes_9,p_lower,p_upper_others"), header);
    double base = (Double) ((java.util.Map<String, Object>) summary.get("base_classifier")).get("base_accuracy");
    assertTrue(base > 0.3, "10-class base accuracy " + base + " should beat chance (0.1) clearly");
  }

  @Test
  void fashionMnistFromDebianReadsThroughTheSameReader() throws Exception {
    CiPackages.require(Files.isDirectory(Path.of(FASHION)), "apt-get install dataset-fashion-mnist");
    Path dir = run("conf/fashion-mnist.conf", "data.digits=[0, 1, 7]");
    var summary = summary(dir);
    assertEquals(3, summary.get("classes"));
    assertTrue(Files.readString(dir.resolve("summary.json")).contains(FASHION));
  }
}
