package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;

/** A sweep's values name distinct settings: one given twice is refused before anything runs or is written. */
class SweepValuesTest {
  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "smoothing.beta        | 0.8,0.8       | smoothing.beta = 0.8 twice (0.8, 0.8)",
      "smoothing.beta        | 0.8,0.9,0.80  | smoothing.beta = 0.8 twice (0.8, 0.80)",
      "smoothing.classifiers | 10,1e1        | smoothing.classifiers = 10 twice (10, 1e1)"})
  void aValueGivenTwiceIsRefusedBeforeAnythingRuns(String key, String values, String expected) {
    Path out = tmp.resolve("sweep");
    List<String> sets = List.of("data.dir=\"" + HostileInputTest.DATA + "\"", "data.train-size=20",
        "data.test-size=10", "smoothing.classifiers=8");
    UserError e = assertThrows(UserError.class, () -> Sweep.execute(null, sets, key, List.of(values.split(",")),
        out.toString(), "local[1]", new Configuration()));
    assertEquals("--values gives " + expected + ": give each value once", e.getMessage());
    assertFalse(Files.exists(out), "nothing written");
  }
}
