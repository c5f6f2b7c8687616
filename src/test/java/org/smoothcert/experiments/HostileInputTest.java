package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smoothcert.app.Main;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.run.RunDirectory;

/**
 * {@code smoothcert run} on bad input: each case ends with one line naming the fault and exit status
 * 2, before Spark starts (nothing is printed to standard output) and without leaving any output.
 */
class HostileInputTest {
  static final Path DATA = Path.of(System.getProperty("smoothcert.basedir", "."), "data/mnist-1-7");
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  @TempDir
  static Path tmp;

  record Result(int status, String out, String err) {}

  static List<String> small(Path data, Path out, String... more) {
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + data + "\"", "data.train-size=40",
        "data.test-size=60", "smoothing.classifiers=24", "job.out=\"" + out + "\""));
    sets.addAll(List.of(more));
    return sets;
  }

  static Result run(List<String> sets) {
    return run("local[1]", sets);
  }

  static Result run(String master, List<String> sets) {
    List<String> argv = new ArrayList<>(List.of("run", "--master", master));
    sets.forEach(s -> argv.addAll(List.of("--set", s)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void assertRefused(Result result, String expected) {
    assertEquals(2, result.status(), result.err());
    String[] lines = result.err().strip().split("\n");
    assertEquals(1, lines.length, "one line: " + result.err());
    assertTrue(lines[0].startsWith("smoothcert run: ") && lines[0].contains(expected), lines[0]);
    assertEquals("", result.out(), "nothing is printed before the refusal, so nothing was trained");
  }

  /** Refused, and the run directory was never made. */
  static void assertRefusedWithoutOutput(Path data, String expected, String... sets) {
    Path out = tmp.resolve("out-" + System.nanoTime());
    assertRefused(run(small(data, out, sets)), expected);
    assertFalse(Files.exists(out), "output left behind in " + out);
  }

  /** A copy of the shipped 1/7 folder in which one file's IDX bytes are changed (and gzipped again). */
  static Path folderWith(String file, UnaryOperator<byte[]> change) throws IOException {
    Path copy = Files.createTempDirectory(tmp, "data");
    for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
      Files.copy(DATA.resolve(name), copy.resolve(name));
    }
    byte[] idx;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(copy.resolve(file)))) {
      idx = in.readAllBytes();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(copy.resolve(file)))) {
      out.write(change.apply(idx));
    }
    return copy;
  }

  static byte[] withInt(byte[] idx, int offset, int value) {
    byte[] changed = idx.clone();
    ByteBuffer.wrap(changed).putInt(offset, value);
    return changed;
  }

  /** An image file of the same images, one row shorter each (a consistent file of another shape). */
  static byte[] oneRowShorter(byte[] idx) {
    ByteBuffer header = ByteBuffer.wrap(idx);
    int count = header.getInt(4);
    int rows = header.getInt(8);
    int cols = header.getInt(12);
    byte[] changed = Arrays.copyOf(idx, 16 + count * (rows - 1) * cols);
    ByteBuffer.wrap(changed).putInt(8, rows - 1);
    return changed;
  }

  /** One label fewer than there are images, with a header that says so. */
  static byte[] oneLabelFewer(byte[] idx) {
    return withInt(Arrays.copyOf(idx, idx.length - 1), 4, idx.length - 9);
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of("truncated IDX", TRAIN_IMAGES, (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 100),
            "truncated: the header announces 13007 images of 28x28"),
        Arguments.of("wrong magic number (an image file's, in a label file)", TRAIN_LABELS,
            (UnaryOperator<byte[]>) b -> withInt(b, 0, 0x00000803), "holds images (magic 2051, 3 dimensions),"
            + " expected labels (magic 2049, 1 dimension)"),
        Arguments.of("not IDX at all", TEST_LABELS, (UnaryOperator<byte[]>) b -> withInt(b, 0, 0x1234abcd),
            "not an IDX file"),
        Arguments.of("image and label counts differ", TEST_LABELS, (UnaryOperator<byte[]>) HostileInputTest::oneLabelFewer,
            "2162 labels, but"),
        Arguments.of("a label that is no class of the source", TRAIN_LABELS, (UnaryOperator<byte[]>) b -> {
          byte[] changed = b.clone();
          changed[8 + 5] = 12;
          return changed;
        }, "label 12 of example 5 is out of range: the source has 10 classes"),
        Arguments.of("test images of another size", TEST_IMAGES, (UnaryOperator<byte[]>) HostileInputTest::oneRowShorter,
            "images are 27x28 pixels, expected 28x28"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedFileIsRefusedBeforeTraining(String what, String file, UnaryOperator<byte[]> change, String expected)
      throws IOException {
    assertRefusedWithoutOutput(folderWith(file, change), file + ": " + expected);
  }

  @Test
  void missingFilesAreRefusedBeforeTraining() throws IOException {
    assertRefusedWithoutOutput(tmp.resolve("no-such-folder"), "data.dir: ");
    Path data = folderWith(TEST_LABELS, b -> b);
    Files.delete(data.resolve(TEST_LABELS));
    assertRefusedWithoutOutput(data, "has t10k-images-idx3-ubyte.gz but not t10k-labels-idx1-ubyte[.gz]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "smoothing.beta=0.5        | smoothing.beta must be above 1/2",
      "smoothing.beta=1.5        | smoothing.beta must be in (0.0, 1.0), got 1.5",
      "certify.alpha=0           | certify.alpha must be in (0.0, 1.0), got 0.0",
      "certify.alpha=1           | certify.alpha must be in (0.0, 1.0), got 1.0",
      "smoothing.classifiers=0   | smoothing.classifiers must be at least 1, got 0",
      "job.slices=100001         | job.slices must be at most 100000, got 100001",
      "data.train-size=0         | data.train-size must be at least 1, or all, got 0",
      "data.train-size=20000     | data.train-size = 20000, but the train split has only 13007 examples",
      "data.test-size=0          | data.test-size must be at least 1, or all, got 0",
      "data.test-size=5000       | data.test-size = 5000, but the test split has only 2163 examples",
      "learner.hidden=-1         | learner.hidden must be at least 0, got -1",
      "learner.hidden=100000000  | learner.hidden must be at most 4096, got 100000000",
      "learner.l2=-1             | learner.l2 must be a finite number >= 0, got -1.0",
      "learner.activation=tanh   | learner.activation must be sigmoid or relu, got tanh",
      "learner.optimizer=arrays  | learner.optimizer is gone (--set learner.optimizer=arrays): delete it",
      "learner.implementation=sparse | learner.implementation = sparse is now called fast",
      "smoothing.clasifiers=10   | unknown config key 'smoothing.clasifiers'",
      "'data.digits=[1,3]'       | no example of digit 3 in the train split",
      "'data.digits=[1,12]'      | data.digits: digit 12 is not a class of the source (0 to 9)",
      "data.certify-on=validation | data.certify-on = validation needs data.validation-size above 0",
      "data.validation-size=13000 | data.validation-size = 13000, but the train split has 13007 examples of digits"
          + " 1,7 and the training examples take 40, leaving 12967"})
  void settingOutOfRangeIsRefusedBeforeTraining(String set, String expected) {
    assertRefusedWithoutOutput(DATA, expected, set);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "certify.alpha=4.9e-324 | certify.alpha = 4.9E-324 over 60 points and 2 bounds per point gives",
      "certify.alpha=1e-306   | certify.alpha = 1.0E-306 over 60 points and 2 bounds per point gives"})
  void anAlphaTooSmallForItsSplitIsRefusedBeforeTraining(String set, String expected) {
    assertRefusedWithoutOutput(DATA, expected, set);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'smoothing.beta={a=1}'     | smoothing.beta takes one value, not an object: got {\"a\":1} (--set smoothing.beta={a=1})",
      "'learner.hidden={x=[1,2]}' | learner.hidden takes one value, not an object: got {\"x\":[1,2]}"})
  void anObjectWhereAValueBelongsIsRefusedInOneLine(String set, String expected) {
    assertRefusedWithoutOutput(DATA, expected, set);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'data.digits=[a,b]'     | data.digits must be a list of whole numbers like [1, 7], got [\"a\",\"b\"]"
          + " (--set data.digits=[a,b])",
      "'smoothing.beta=[0.9]'  | smoothing.beta must be a number, got [0.9] (--set smoothing.beta=[0.9])",
      "'seed=[1, {b=2}]'       | seed must be a whole number, got [1,{\"b\":2}]"})
  void aListOrObjectOfTheWrongKindIsNamedOnOneLine(String set, String expected) {
    assertRefusedWithoutOutput(DATA, expected, set);
  }

  @Test
  void anS3aPathWithoutHadoopAwsIsRefusedInOneLine() {
    String expected = "s3a:// paths need hadoop-aws and the AWS SDK on the classpath, which smoothcert does not ship";
    assertRefusedWithoutOutput(DATA, expected, "data.dir=\"s3a://bucket/mnist-1-7\"");
    assertRefused(run(small(DATA, tmp.resolve("unused"), "job.out=\"s3a://bucket/runs/r\"")), expected);
  }

  @Test
  void runDirectoryOfAnotherConfigIsLeftAsItWas() throws IOException {
    Path out = tmp.resolve("other-config");
    Configuration hadoop = new Configuration();
    RunConfig other = RunConfig.from(ConfigLoader.load(null, small(DATA, out, "smoothing.beta=0.8"), hadoop));
    DataSample sample = MnistData.load(other.data(), hadoop);
    try (RunDirectory dir = RunDirectory.create(out.toString(), hadoop, false)) {
      dir.claim(other.votesIdentity(RunData.sha256(sample.train(), sample.test())));
    }
    List<Path> before = listing(out);

    assertRefused(run(small(DATA, out)), "holds votes of another configuration (smoothing.beta is 0.8 there, 0.9 here)");
    assertEquals(before, listing(out));
  }

  @Test
  void outputThatCannotBeWrittenIsRefusedBeforeTraining() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    assertRefused(run(small(DATA, file)), "exists and is not a directory");
    assertRefused(run(small(DATA, file.resolve("run"))), "cannot write the run directory " + file.resolve("run"));
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void masterThatSparkCannotUseLeavesNoOutput() {
    Path out = tmp.resolve("bad-master/run");
    Result result = run("no-such-master", small(DATA, out));
    assertEquals(2, result.status(), result.err());
    assertEquals("smoothcert run: master 'no-such-master' is not a Spark master URL (local, local[N], local[*],"
        + " spark://HOST:PORT, yarn or k8s://HOST:PORT)", result.err().strip());
    assertFalse(Files.exists(out.getParent()), "output left behind");
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }
}
