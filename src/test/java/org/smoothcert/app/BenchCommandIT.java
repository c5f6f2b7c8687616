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
    for (String row : new String[] {"mllib ", "sparse+breeze ", "sparse ", "fit() ", "floor of the sparse path",
        "attainable rate", VECTOR_WIDTH}) {
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
