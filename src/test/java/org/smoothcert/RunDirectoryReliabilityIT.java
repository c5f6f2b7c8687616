package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smoothcert.app.Main;
import org.smoothcert.io.HadoopFiles;
import org.smoothcert.votes.SliceCodec;
import org.smoothcert.votes.TrainingStats;

/**
 * The reliability tier (docs/reliability.md): what the user's own files, a full disk, a killed run and a
 * second run at the same time can do to a run directory. Every case ends in one line on stderr and its
 * exit status, with no stack trace printed or logged; nothing of the user's is lost; and where running
 * the same command again applies, it ends byte-identical to a clean run (points.csv, curve.csv, the
 * certificate of summary.json) with the same checkpoints (under the same slicing, the same votes and
 * training statistics; only the time training took differs).
 */
class RunDirectoryReliabilityIT {
  /** The small run of the hostile-user report, cut into four slices of ten classifiers. */
  static final List<String> SMALL = Stream.concat(RunDirectoryIntegrityIT.SMALL.stream(), Stream.of("job.slices=4"))
      .toList();

  static final File HOME = new File(System.getProperty("smoothcert.basedir", "."));

  @TempDir static Path tmp;
  static Path clean;

  record Result(int status, String out, String err, List<String> loggedStackTraces) {}

  static Result smoothcert(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (LoggedStackTraces logged = new LoggedStackTraces()) {
      int status = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          logged.events());
    }
  }

  static List<String> withSmall(List<String> argv, String... sets) {
    List<String> all = new ArrayList<>(argv);
    for (String set : Stream.concat(SMALL.stream(), Stream.of(sets)).toList()) {
      all.addAll(List.of("--set", set));
    }
    return all;
  }

  static Result run(String out, String... sets) {
    return smoothcert(withSmall(List.of("run", "--master", "local[2]", "--out", out), sets).toArray(String[]::new));
  }

  static Result run(Path out, String... sets) {
    return run(out.toString(), sets);
  }

  /** The small run into {@code dir} through fulldisk://, whose disk {@code fills} up as arranged; then space is freed. */
  static Result runWhileTheDisk(Runnable fills, Path dir) {
    fills.run();
    try {
      return run(FullDiskFileSystem.uri(dir));
    } finally {
      FullDiskFileSystem.free();
    }
  }

  static void assertOk(Result r) {
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(), r.loggedStackTraces(), "no exception is logged");
  }

  /** One line on stderr naming {@code expected}, the exit status, and no stack trace printed or logged. */
  static void assertOneLine(Result r, int status, String expected) {
    assertEquals(status, r.status(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, "one line: " + r.err());
    assertTrue(lines[0].startsWith("smoothcert ") && lines[0].contains(expected), lines[0]);
    assertEquals(List.of(), r.loggedStackTraces(), "no exception is logged");
  }

  /** Temporary files, probes and locks: nothing of the kind may outlive a run, however it ended. */
  static List<String> leftovers(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> dir.relativize(p).toString())
          .filter(n -> n.endsWith(".writing") || n.endsWith(".probe") || n.endsWith(".lock")).toList();
    }
  }

  /** Every file under a folder (relative name) with the SHA-256 of its bytes. */
  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        all.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "folder"
            : HexFormat.of().formatHex(HadoopFiles.sha256Bytes(Files.readAllBytes(p))));
      }
    }
    return all;
  }

  /**
   * The checkpoints of a run directory by name, each as what it holds: the identity it was made under, its
   * votes and its training statistics except the time they took (the only bytes that differ between runs).
   */
  static Map<String, String> checkpoints(Path dir) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("votes"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".votes") && !name.startsWith(".")) {
          SliceCodec.Stamped stamped = SliceCodec.decode(Files.readAllBytes(p));
          TrainingStats stats = stamped.slice().stats();
          all.put(name, HexFormat.of().formatHex(stamped.identity()) + " "
              + Arrays.toString(stamped.slice().votes().toArray()) + " " + List.of(stats.correct(),
              stats.predictions(), stats.costEvaluations(), stats.iterations()));
        }
      }
    }
    return all;
  }

  /** The run's outputs equal the clean run's (and so do its checkpoints, when it was cut the same way). */
  static void assertLikeClean(Path dir, boolean sameSlicing) throws IOException {
    assertEquals(Files.readString(clean.resolve("points.csv")), Files.readString(dir.resolve("points.csv")));
    assertEquals(Files.readString(clean.resolve("curve.csv")), Files.readString(dir.resolve("curve.csv")));
    assertEquals(GoldenRunIT.certificate(clean.resolve("summary.json")),
        GoldenRunIT.certificate(dir.resolve("summary.json")));
    if (sameSlicing) {
      assertEquals(checkpoints(clean), checkpoints(dir));
    }
    assertEquals(List.of(), leftovers(dir));
  }

  @BeforeAll
  static void cleanRun() {
    clean = tmp.resolve("clean");
    assertOk(run(clean));
  }

  // Item 2: the user's own files.

  @ParameterizedTest(name = "smoothcert {0}")
  @ValueSource(strings = {"run", "certify", "sweep"})
  void aFolderOfTheUsersOwnFilesIsRefusedAndLeftAsItWas(String command) throws IOException {
    Path mine = Files.createDirectories(tmp.resolve("mine-" + command));
    Files.writeString(mine.resolve("points.csv"), "my own points\n");
    Files.writeString(mine.resolve("summary.json"), "{\"mine\" : true}\n");
    Map<String, String> before = contents(mine);

    Result r = switch (command) {
      case "run" -> run(mine);
      case "certify" -> smoothcert("certify", "--run", clean.toString(), "--out", mine.toString());
      default -> smoothcert(withSmall(List.of("sweep", "--master", "local[2]", "--param", "smoothing.classifiers",
          "--values", "20,40", "--out", mine.toString())).toArray(String[]::new));
    };
    assertOneLine(r, 2, "points.csv");
    assertTrue(r.err().contains("summary.json") && r.err().contains("job.force"), r.err());
    assertEquals("", r.out(), "refused before anything ran");
    assertEquals(before, contents(mine));
  }

  @Test
  void theUsersFolderIsWrittenIntoWhenAskedExplicitly() throws IOException {
    Path mine = Files.createDirectories(tmp.resolve("mine-forced"));
    Files.writeString(mine.resolve("points.csv"), "my own points\n");
    Files.writeString(mine.resolve("notes.txt"), "kept\n");

    assertOk(run(mine, "job.force=true"));
    assertLikeClean(mine, true);
    assertEquals("kept\n", Files.readString(mine.resolve("notes.txt")));
  }

  // Item 3: half-written output sets and the leftovers of a killed run.

  @Test
  void outputsCutShortAreNotReadAsOneSetAndTheSameCommandCompletesThem() throws IOException {
    Path dir = tmp.resolve("cut-short");
    assertOk(run(dir, "smoothing.classifiers=20"));
    Result r = runWhileTheDisk(() -> FullDiskFileSystem.fillWhileWriting("curve.csv", 1), dir);
    assertOneLine(r, 2, "curve.csv: cannot write: No space left on device");
    assertEquals(List.of(), leftovers(dir));
    // points.csv is now of N = 40, curve.csv and summary.json still of N = 20: no reader takes them as one set.
    assertOneLine(smoothcert("plot", "--runs", dir.toString(), "--out", tmp.resolve("cut-short.png").toString()),
        2, "incomplete");
    assertOneLine(smoothcert("certify", "--run", dir.toString(), "--out", tmp.resolve("cut-short-again").toString()),
        2, "incomplete");

    assertOk(run(dir));
    assertLikeClean(dir, false);
  }

  @Test
  void theLeftoversOfAKilledRunAreCleanedByTheNextRun() throws IOException {
    Path dir = tmp.resolve("killed");
    try (Stream<Path> files = Files.walk(clean)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, dir.resolve(clean.relativize(p).toString()));
      }
    }
    Files.writeString(dir.resolve(".points.csv.writing"), "0,1,7,1");
    Files.writeString(dir.resolve(".5f0c1d2e-7b3a-4c9d-8e1f-2a3b4c5d6e7f.probe"), "");
    Files.write(dir.resolve("votes/.slice-0000000000-0000000010.votes.writing"), new byte[7]);

    assertOk(run(dir));
    assertLikeClean(dir, true);
  }

  // Item 5: a full disk at the start, during training, while writing the outputs.

  @Test
  void aDiskFullAtTheStartIsRefusedBeforeSparkStartsAndLeavesNothing() throws IOException {
    Path dir = tmp.resolve("full-at-start");
    Result r = runWhileTheDisk(FullDiskFileSystem::fill, dir);
    assertOneLine(r, 2, dir + ": No space left on device");
    assertEquals("", r.out(), "refused before Spark started");
    assertFalse(Files.exists(dir), "nothing left behind");

    assertOk(run(FullDiskFileSystem.uri(dir)));
    assertLikeClean(dir, true);
  }

  @Test
  void aDiskFullDuringTrainingKeepsTheCheckpointsWrittenAndTheSameCommandResumes() throws IOException {
    Path dir = tmp.resolve("full-in-training");
    Result r = runWhileTheDisk(() -> FullDiskFileSystem.fillWhileWriting("votes.writing", 3), dir);
    assertOneLine(r, 2, ".votes: cannot write: No space left on device");
    assertTrue(r.err().contains(dir + "/votes/slice-"), r.err());
    assertEquals(List.of(), leftovers(dir));
    assertEquals(2, checkpoints(dir).size(), "the two checkpoints written before the disk filled up are kept");
    assertFalse(Files.exists(dir.resolve("points.csv")));

    assertOk(run(FullDiskFileSystem.uri(dir)));
    assertEquals(20, RunDirectoryIntegrityIT.reused(dir));
    assertLikeClean(dir, true);
  }

  @Test
  void aDiskFullWhileWritingTheOutputsLeavesThemMarkedIncompleteAndTheSameCommandCompletesThem() throws IOException {
    Path dir = tmp.resolve("full-at-outputs");
    Result r = runWhileTheDisk(() -> FullDiskFileSystem.fillWhileWriting("summary.json", 1), dir);
    assertOneLine(r, 2, "summary.json: cannot write: No space left on device");
    assertEquals(List.of(), leftovers(dir));
    assertOneLine(smoothcert("plot", "--runs", dir.toString(), "--out", tmp.resolve("full-at-outputs.png").toString()),
        2, "incomplete");

    assertOk(run(FullDiskFileSystem.uri(dir)));
    assertEquals(40, RunDirectoryIntegrityIT.reused(dir));
    assertLikeClean(dir, true);
  }

  // Item 9: two runs into the same folder at once.

  @Test
  void aSecondRunIntoTheSameFolderAtOnceIsRefusedNamingTheFirst() throws Exception {
    Path dir = tmp.resolve("concurrent");
    // Enough work that the first run is still training when the second one starts.
    List<String> argv = withSmall(List.of(new File(HOME, "submit/smoothcert").getPath(), "run",
        "--master", "local[2]", "--out", dir.toString()), "smoothing.classifiers=200", "job.slices=20");
    Path firstLog = tmp.resolve("concurrent-first.log");
    Process first = new ProcessBuilder(argv).directory(HOME).redirectErrorStream(true)
        .redirectOutput(firstLog.toFile()).start();
    while (first.isAlive() && !Files.isDirectory(dir.resolve("votes"))) {
      Thread.sleep(10);
    }
    assertTrue(first.isAlive(), "the first run ended before the second started: " + Files.readString(firstLog));

    Process second = new ProcessBuilder(argv).directory(HOME).start();
    String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(second.waitFor(300, TimeUnit.SECONDS));
    assertTrue(first.isAlive(), "the first run must still hold the folder: " + Files.readString(firstLog));
    List<String> errLines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
    assertEquals(2, second.exitValue(), err);
    assertEquals(1, errLines.size(), err);
    assertTrue(errLines.get(0).startsWith("smoothcert run: ") && errLines.get(0).contains("in use by")
        && errLines.get(0).contains("pid " + first.pid()), err);
    assertEquals("", out, "the second run trained nothing");

    assertTrue(first.waitFor(600, TimeUnit.SECONDS), "the first run did not finish");
    assertEquals(0, first.exitValue(), Files.readString(firstLog));
    assertEquals(List.of(), leftovers(dir));
  }

  // Item 10: re-certifying a run with a damaged checkpoint.

  @Test
  void certifyOnADamagedRunSuggestsAnNItsIntactSlicesCover() throws IOException {
    Path dir = tmp.resolve("damaged");
    assertOk(run(dir));
    Path slice = dir.resolve("votes/slice-0000000010-0000000020.votes");
    byte[] bytes = Files.readAllBytes(slice);
    bytes[bytes.length / 2] ^= 1;
    Files.write(slice, bytes);

    Result all = smoothcert("certify", "--run", dir.toString(), "--out", tmp.resolve("damaged-all").toString());
    assertOneLine(all, 2, "--set smoothing.classifiers=");
    Matcher n = Pattern.compile("--set smoothing.classifiers=(\\d+)").matcher(all.err());
    assertTrue(n.find(), all.err());
    assertEquals("10", n.group(1), "the intact slices cover classifiers [0, 10) from the start: " + all.err());

    Result fewer = smoothcert("certify", "--run", dir.toString(), "--set", "smoothing.classifiers=" + n.group(1),
        "--out", tmp.resolve("damaged-fewer").toString());
    assertOk(fewer);
  }
}
