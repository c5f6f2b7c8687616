package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.data.idx.ImageShape;
import org.smoothcert.data.tools.IdxWriter;
import org.smoothcert.io.HadoopFiles;

/** {@code smoothcert data extract|info} through the CLI's entry point. */
class DataCommandTest {
  @TempDir Path tmp;
  private Path in;

  record Result(int status, String out, String err) {}

  /** A training split of 1x1 images: labels 0,1,...,9,0,1,... (20 examples), pixel = 10 * label. */
  @BeforeEach
  void source() {
    in = tmp.resolve("in");
    Configuration conf = new Configuration();
    byte[] labels = new byte[20];
    byte[] pixels = new byte[20];
    for (int i = 0; i < 20; i++) {
      labels[i] = (byte) (i % 10);
      pixels[i] = (byte) (10 * (i % 10));
    }
    IdxWriter.writeImages(HadoopFiles.resolve(in + "/train-images-idx3-ubyte.gz", conf), conf,
        new ImageShape(1, 1), 20, pixels);
    IdxWriter.writeLabels(HadoopFiles.resolve(in + "/train-labels-idx1-ubyte.gz", conf), conf, labels);
  }

  private Result run(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] argv = line.replace("IN", in.toString()).replace("TMP", tmp.toString()).split(" +");
    int status = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void extractWritesTheChosenDigitsAndSaysWhat() throws IOException {
    Result r = run("data extract --digits 3,8 --from IN --to TMP/out");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("train      4 examples (3: 2, 8: 2): train-images-idx3-ubyte.gz,"
        + " train-labels-idx1-ubyte.gz"), r.out());
    assertTrue(r.out().contains("wrote file:" + tmp.resolve("out") + " with README.md"), r.out());
    String readme = Files.readString(tmp.resolve("out/README.md"));
    assertTrue(readme.contains("smoothcert data extract --digits 3,8 --from " + in + " --to " + tmp + "/out"),
        readme);
    Result info = run("data info --dir TMP/out");
    assertEquals(0, info.status(), info.err());
    assertTrue(info.out().contains("train 4 images of 1x1: train-images-idx3-ubyte.gz,"
        + " train-labels-idx1-ubyte.gz"), info.out());
    assertTrue(info.out().contains("0: 0, 1: 0, 2: 0, 3: 2, 4: 0, 5: 0, 6: 0, 7: 0, 8: 2, 9: 0"), info.out());
  }

  @Test
  void infoCountsTheChosenDigitsAndTheRest() {
    Result r = run("data info --dir IN --digits 1,7");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("folder file:" + in + "\n"), r.out());
    assertTrue(r.out().contains("      1: 2, 7: 2\n      digits 1,7: 4, other digits: 16\n"), r.out());
  }

  @Test
  void verifyChecksEveryListedFileAndFailsOnAChangedOne() throws IOException {
    Path sums = in.resolve("SHA256SUMS");
    Configuration conf = new Configuration();
    String good = HadoopFiles.sha256(HadoopFiles.resolve(in + "/train-labels-idx1-ubyte.gz", conf), conf);
    Files.writeString(sums, good + "  train-labels-idx1-ubyte.gz\n");
    Result r = run("data verify --dir IN");
    assertEquals(0, r.status(), r.err());
    assertEquals("train-labels-idx1-ubyte.gz: OK\nall 1 files match SHA256SUMS\n", r.out());

    Files.writeString(sums, good + "  train-labels-idx1-ubyte.gz\n" + good + "  train-images-idx3-ubyte.gz\n");
    Result bad = run("data verify --dir IN");
    assertEquals(1, bad.status(), bad.out());
    assertTrue(bad.out().contains("train-images-idx3-ubyte.gz: FAILED (SHA-256 "), bad.out());
    assertTrue(bad.out().endsWith("1 of 2 files do not match SHA256SUMS\n"), bad.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "data | Missing required subcommand (expected one of extract, info, verify, import-sklearn)",
      "data frob | unknown command 'frob' (expected one of extract, info, verify, import-sklearn)",
      "data extract --from IN --to TMP/out | Missing required option: '--digits=DIGITS'",
      "data import-sklearn --from IN --to TMP/out --origin x | Missing required option: '--name=NAME'",
      "data import-sklearn --name iris --from IN --to TMP/out --origin x | --name: expected breast-cancer or optical-digits, got 'iris'",
      "data extract --digits 1,1 --from IN --to TMP/out | --digits: a digit is chosen twice",
      "data extract --digits 1,x --from IN --to TMP/out | --digits: expected digits separated by commas",
      "data extract --digits 1,10 --from IN --to TMP/out | --digits: digit 10 is not a class",
      "data extract --digits 1,7 --from IN --to TMP/out --source-classes 1 | --source-classes must be in",
      "data extract --digits 1,7 --from IN --to TMP/out --typo 1 | Unknown options: '--typo', '1'",
      "data extract --digits 1,7 --from TMP/absent --to TMP/out | absent: no such folder",
      "data extract --digits 1,7 --from IN --to IN | is not empty",
      "data info | Missing required option: '--dir=DIR'",
      "data info --dir IN --digits 11 | --digits: digit 11",
      "data verify | Missing required option: '--dir=DIR'",
      "data verify --dir IN | SHA256SUMS: no such file",
  })
  void badArgumentsGiveOneLineAndStatusTwo(String line, String message) {
    Result r = run(line);
    assertEquals(2, r.status(), r.out());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().startsWith("smoothcert data: "), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
  }
}
