package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.smoothcert.experiments.HostileInputTest.DATA;
import static org.smoothcert.experiments.HostileInputTest.assertRefused;
import static org.smoothcert.experiments.HostileInputTest.run;
import static org.smoothcert.experiments.HostileInputTest.small;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme's keys that do not fit together are refused in one line naming the key, before Spark starts
 * and before the run directory is made.
 */
class SchemeKeysTest {
  @TempDir
  static Path tmp;

  static void assertRefusedWithoutOutput(Path data, String expected, String... sets) {
    Path out = tmp.resolve("out-" + System.nanoTime());
    assertRefused(run(small(data, out, sets)), expected);
    assertFalse(Files.exists(out), "output left behind in " + out);
  }

  @Test
  void baggingNeedsABagSize() {
    assertRefusedWithoutOutput(DATA, "smoothing.bag-size must be set", "smoothing.scheme=bagging");
    assertRefusedWithoutOutput(DATA, "smoothing.bag-size must be set", "smoothing.scheme=bagflip");
  }

  @Test
  void aBagWithoutReplacementHoldsAtMostTheTrainingSet() {
    assertRefusedWithoutOutput(DATA, "smoothing.bag-size = 41 is more than the 40 training examples",
        "smoothing.scheme=bagging", "smoothing.bag-size=41", "smoothing.bag-replacement=false");
  }

  @Test
  void noMorePartsThanExamples() {
    assertRefusedWithoutOutput(DATA, "smoothing.classifiers = 41 parts is more than the 40 training examples",
        "smoothing.scheme=partition", "smoothing.classifiers=41");
  }

  @Test
  void keysOfOtherSchemesAreRefusedNotIgnored() {
    assertRefusedWithoutOutput(DATA, "smoothing.beta = 0.8 has no effect with smoothing.scheme = bagging",
        "smoothing.scheme=bagging", "smoothing.bag-size=10", "smoothing.beta=0.8");
    assertRefusedWithoutOutput(DATA, "smoothing.beta = 0.8 has no effect with smoothing.scheme = partition",
        "smoothing.scheme=partition", "smoothing.beta=0.8");
    assertRefusedWithoutOutput(DATA, "smoothing.bag-size = 10 has no effect with smoothing.scheme = flip",
        "smoothing.bag-size=10");
    assertRefusedWithoutOutput(DATA, "smoothing.bag-replacement = false has no effect with smoothing.scheme = partition",
        "smoothing.scheme=partition", "smoothing.bag-replacement=false");
    assertRefusedWithoutOutput(DATA, "certify.trigger-size = 2 is a bagflip certificate's",
        "smoothing.scheme=bagging", "smoothing.bag-size=10", "certify.trigger-size=2");
  }

  @Test
  void anUnknownSchemeIsNamed() {
    assertRefusedWithoutOutput(DATA, "smoothing.scheme", "smoothing.scheme=bags");
  }

  @Test
  void allIsForIdxFoldersWithTwoSplits() {
    assertRefusedWithoutOutput(DATA, "data.train-size", "data.train-size=0");
    assertRefusedWithoutOutput(DATA, "data.test-size", "data.test-size=some");
  }

  @Test
  void partitionHasNoTwoSampleProtocol() {
    assertRefusedWithoutOutput(DATA, "certify.selection-classifiers", "smoothing.scheme=partition",
        "certify.selection-classifiers=4");
  }
}
