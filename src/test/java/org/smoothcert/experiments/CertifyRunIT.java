package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.app.Main;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/**
 * The job end to end on small settings: determinism across masters and slicings, resume after an
 * interrupted run, reuse for a larger N, refusal of another config's directory, and re-certification.
 */
class CertifyRunIT {
  @TempDir
  static Path tmp;
  static Path reference;

  static final String DATA = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";

  static List<String> small(String out, String... more) {
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + DATA + "\"", "data.train-size=40",
        "data.test-size=60", "smoothing.classifiers=24", "learner.hidden=8", "learner.max-iter=30",
        "job.out=\"" + out + "\""));
    sets.addAll(List.of(more));
    return sets;
  }

  static CertifyRun.Result run(String master, List<String> sets) {
    Configuration hadoop = new Configuration();
    RunConfig config = RunConfig.from(ConfigLoader.load(null, sets, hadoop));
    return CertifyRun.execute(config, master, hadoop);
  }

  /** The same run through the command line: what {@code smoothcert run} prints. */
  static String cli(String master, List<String> sets) {
    HostileInputTest.Result result = HostileInputTest.run(master, sets);
    assertEquals(0, result.status(), result.err());
    return result.out();
  }

  static String points(Path dir) throws Exception {
    return Files.readString(dir.resolve("points.csv"));
  }

  static List<Path> sliceFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("votes"))) {
      return files.filter(p -> p.toString().endsWith(".votes")).sorted().toList();
    }
  }

  @BeforeAll
  static void referenceRun() {
    reference = tmp.resolve("reference");
    String out = cli("local[1]", small(reference.toString(), "job.slices=1"));
    assertTrue(out.contains("certified accuracy"), out);
  }

  @Test
  void resultsAreIdenticalWhateverTheMasterAndSlicing() throws Exception {
    Path other = tmp.resolve("local2-slices8");
    run("local[2]", small(other.toString(), "job.slices=8"));
    assertEquals(points(reference), points(other));
    assertEquals(Files.readString(reference.resolve("curve.csv")), Files.readString(other.resolve("curve.csv")));
    assertEquals(8, sliceFiles(other).size());
    for (String name : List.of("summary.json", "certified-accuracy.png", "certified-accuracy.svg", "run.conf",
        "test-points.csv", "votes.id")) {
      assertTrue(Files.size(other.resolve(name)) > 0, name);
    }
  }

  @Test
  void interruptedRunResumesAndEndsIdentical() throws Exception {
    Path dir = tmp.resolve("resumed");
    run("local[2]", small(dir.toString(), "job.slices=6"));
    // Simulate a crash after some slices: remove two checkpoints and every report.
    List<Path> slices = sliceFiles(dir);
    Files.delete(slices.get(1));
    Files.delete(slices.get(4));
    Files.delete(dir.resolve("points.csv"));
    String out = cli("local[2]", small(dir.toString(), "job.slices=6"));
    assertTrue(out.contains("reused 16 classifiers (4 slices) from earlier runs; trained 8 (2 slices)"), out);
    assertEquals(points(reference), points(dir));
  }

  @Test
  void corruptedCheckpointsAreRetrainedNotSummed() throws Exception {
    Path dir = tmp.resolve("corrupted");
    run("local[2]", small(dir.toString(), "job.slices=6"));
    List<Path> slices = sliceFiles(dir);
    byte[] truncated = Files.readAllBytes(slices.get(0));
    Files.write(slices.get(0), java.util.Arrays.copyOf(truncated, truncated.length - 5));
    byte[] edited = Files.readAllBytes(slices.get(3));
    edited[edited.length / 2] ^= 1;
    Files.write(slices.get(3), edited);

    String out = cli("local[2]", small(dir.toString(), "job.slices=6"));
    assertTrue(out.contains("reused 16 classifiers (4 slices) from earlier runs; trained 8 (2 slices)"), out);
    assertEquals(points(reference), points(dir));
    try (Stream<Path> files = Files.list(dir.resolve("votes"))) {
      assertEquals(2, files.filter(p -> p.getFileName().toString().contains(".votes.corrupt-")).count(),
          "the corrupted checkpoints are kept aside");
    }
  }

  @Test
  void largerNReusesTheClassifiersOfASmallerRun() throws Exception {
    Path dir = tmp.resolve("grown");
    CertifyRun.Result first = run("local[2]", small(dir.toString(), "smoothing.classifiers=10", "job.slices=2"));
    assertTrue(first.caution().isEmpty(), "the first certificate on these votes is the only one");
    assertTrue(!Files.readString(dir.resolve("summary.json")).contains("joint_confidence"));
    CertifyRun.Result grown = run("local[2]", small(dir.toString(), "job.slices=4"));
    assertEquals(10, grown.reusedClassifiers());
    assertEquals(2, grown.slicesReused());
    assertEquals(14, grown.trainedClassifiers());
    assertEquals(points(reference), points(dir));

    // N raised after the votes of N = 10 were certified: recorded, and what it does to 1 - alpha said.
    String caution = grown.caution().orElseThrow();
    assertTrue(caution.contains("N was raised from 10 to 24 after the votes of N = 10 were certified"), caution);
    assertTrue(caution.contains("1 - 0.002 = 0.998"), caution);
    String summary = Files.readString(dir.resolve("summary.json"));
    assertTrue(summary.contains("\"joint_confidence\" : 0.998"), summary);
    assertTrue(summary.contains("\"other_certificates_on_these_votes\" :"), summary);
    String history = Files.readString(dir.resolve("certificates.tsv"));
    assertEquals(2, history.lines().filter(l -> l.matches("\\d+\t.*")).count(), history);

    // The record of the run that trained the reused classifiers is kept beside this run's own.
    JsonNode grownRun = new ObjectMapper().readTree(summary).get("run");
    assertEquals(14, grownRun.get("classifiers_trained").asInt());
    assertEquals(10, grownRun.get("training").get("classifiers_trained").asInt(), summary);

    // The same certificate computed again (a resumed or repeated run) is not another look.
    CertifyRun.Result again = run("local[2]", small(dir.toString(), "job.slices=4"));
    assertEquals(caution, again.caution().orElseThrow());
    assertEquals(history, Files.readString(dir.resolve("certificates.tsv")));
    // A run that trained nothing passes on the record of the one that trained its classifiers, and its
    // record of the run before (a study or sweep run again loses no timing).
    JsonNode againRun = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("run");
    assertEquals(0, againRun.get("classifiers_trained").asInt());
    assertEquals(14, againRun.get("training").get("classifiers_trained").asInt());
    assertTrue(againRun.get("training").get("timings").get("training_s").isNumber());
    assertEquals(10, againRun.get("training").get("training").get("classifiers_trained").asInt());
  }

  @Test
  void directoryOfAnotherConfigIsRefusedBeforeTraining() {
    UserError e = assertThrows(UserError.class,
        () -> run("local[1]", small(reference.toString(), "smoothing.beta=0.8")));
    assertTrue(e.getMessage().contains("smoothing.beta is 0.9 there, 0.8 here"), e.getMessage());
  }

  @Test
  void storedVotesAreRecertifiedWithoutRetraining() throws Exception {
    Path copy = tmp.resolve("recertified");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(new String[] {"certify", "--run", reference.toString(), "--alpha", "0.5",
        "--set", "certify.class-split=false", "--out", copy.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    String recertified = points(copy);
    assertNotEquals(points(reference), recertified);
    // Same votes, same labels: only p_lower and radius may change.
    String[] a = points(reference).split("\n");
    String[] b = recertified.split("\n");
    assertEquals(a.length, b.length);
    for (int i = 1; i < a.length; i++) {
      String[] fa = a[i].split(",");
      String[] fb = b[i].split(",");
      assertEquals(String.join(",", List.of(fa).subList(0, 3)), String.join(",", List.of(fb).subList(0, 3)));
      assertEquals(fa[4] + fa[5], fb[4] + fb[5], "votes of line " + i);
      assertTrue(Double.parseDouble(fb[6]) >= Double.parseDouble(fa[6]), "a larger alpha gives a larger bound");
    }
    String summary = Files.readString(copy.resolve("summary.json"));
    assertTrue(summary.contains("\"lower_bounds_per_point\" : 1"));
    // The training run's record (its master and timings) is carried into the re-certification's summary.
    assertTrue(summary.matches("(?s).*\"training\" : \\{.*\"master\" : \"local\\[1\\]\".*\"training_s\".*"), summary);
  }

  @Test
  void twoSampleProtocolSelectsWithTheFirstN0AndBoundsWithTheRest() throws Exception {
    Path dir = tmp.resolve("two-sample");
    run("local[2]", small(dir.toString(), "certify.selection-classifiers=8", "job.slices=3"));
    List<String> lines = Files.readAllLines(dir.resolve("points.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertEquals(16, Integer.parseInt(f[4]) + Integer.parseInt(f[5]), "bounded votes are N - n0: " + line);
    }
    String summary = Files.readString(dir.resolve("summary.json"));
    assertTrue(summary.contains("\"selection_classifiers\" : 8"), summary);
    assertTrue(summary.contains("\"lower_bounds_per_point\" : 1"), summary);
  }
}
