package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smoothcert.model.fast.VectorLanes;

/**
 * A smoke test of {@code smoothcert bench} at its smallest (two classifiers a path, one fit()): every
 * figure is printed, with the vector width the fast path ran with, and the sparse and MLlib paths agree
 * on the shipped data. No timing is checked.
 */
class BenchCommandIT {
  /** The CLI runs in this JVM: its width is the one in use here (surefire adds the vector API). */
  private static final String VECTOR_WIDTH =
      "vector width of the fast path's kernels: " + VectorLanes.inUse() + " doubles (" + 64 * VectorLanes.inUse()
          + "-bit, the machine's preferred)";

  @Test
  void printsEveryPathAndTheirAgreement() {
    CliTest.Result r = CliTest.run("bench --classifiers 2 --warm-up 0 --rounds 1 --fits 1 --agreement 1");
    assertEquals(0, r.status(), r.err());
    // The default learner is logistic regression: its floor by parts, against the CPU time measured.
    for (String row : new String[] {"mllib ", "sparse+breeze ", "sparse ", "fit() ",
        "floor of the default learner (logistic regression, fast path)", "noise    ", "cost fn  ", "L-BFGS   ",
        "predict  ", "default learner per classifier: ", VECTOR_WIDTH}) {
      assertTrue(r.out().contains(row), row + " missing from\n" + r.out());
    }
    Matcher agreement = Pattern.compile(
        "(\\S+) vs mllib: weights max \\|difference\\| (\\S+), (\\d+) of 1000 noised test labels differ")
        .matcher(r.out());
    int paths = 0;
    while (agreement.find()) {
      paths++;
      assertTrue(Double.parseDouble(agreement.group(2)) <= 1e-9, agreement.group());
      assertEquals("0", agreement.group(3), agreement.group());
    }
    assertEquals(2, paths, r.out());
  }

  @Test
  void printsTheFlopFloorOfANetworkAndExportsTheSample(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    CliTest.Result r = CliTest.run("bench --hidden 4 --classifiers 1 --warm-up 0 --rounds 1 --fits 0 --agreement 0");
    assertEquals(0, r.status(), r.err());
    for (String row : new String[] {"floor of the sparse path", "attainable rate"}) {
      assertTrue(r.out().contains(row), row + " missing from\n" + r.out());
    }
    java.nio.file.Path dir = tmp.resolve("sample");
    CliTest.Result e = CliTest.run("bench --export-sample " + dir);
    assertEquals(0, e.status(), e.err());
    assertEquals("100 1000 784 2 2", java.nio.file.Files.readString(dir.resolve("shape.txt")).trim());
    assertEquals(784_000, java.nio.file.Files.size(dir.resolve("test-features.u8")));
    assertEquals(100, java.nio.file.Files.size(dir.resolve("train-labels.u8")));
  }

  @Test
  void timesEveryVariantOfAStudyFile() {
    String study = System.getProperty("smoothcert.basedir", ".") + "/conf/learner-study.conf";
    CliTest.Result r = CliTest.run("bench --variants " + study + " --classifiers 1 --warm-up 0 --rounds 1");
    assertEquals(0, r.status(), r.err());
    for (String row : new String[] {"mlp-h8 ", "relu-h32 ", "logistic-l2-1 ", VECTOR_WIDTH}) {
      assertTrue(r.out().contains(row), row + " missing from\n" + r.out());
    }
    assertTrue(r.out().contains("1.00x"), r.out());
  }

  @Test
  void rejectsUnknownOptions() {
    CliTest.Result r = CliTest.run("bench --classifers 2");
    assertEquals(Main.USAGE_ERROR, r.status());
    assertEquals("smoothcert bench: Unknown options: '--classifers', '2' (did you mean --classifiers?)",
        r.err().strip());
  }
}
