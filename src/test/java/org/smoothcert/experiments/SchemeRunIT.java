package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.experiments.CertifyRunIT.cli;
import static org.smoothcert.experiments.CertifyRunIT.points;
import static org.smoothcert.experiments.CertifyRunIT.sliceFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smoothcert.app.Main;

/**
 * Every scheme that certifies poisoned training examples keeps the flip noise's guarantees: votes
 * byte-identical whatever the master and slicing, a killed run resumed to the same result, a slice of
 * another scheme set aside rather than counted, and stored votes re-certified with another alpha.
 */
class SchemeRunIT {
  @TempDir
  static Path tmp;

  static Stream<String> schemes() {
    return Stream.of("bagging", "bagging-without-replacement", "partition", "bagflip");
  }

  static List<String> settings(String scheme, Path out, String... more) {
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + CertifyRunIT.DATA + "\"", "data.train-size=60",
        "data.test-size=40", "smoothing.classifiers=24", "learner.max-iter=30", "job.out=\"" + out + "\""));
    switch (scheme) {
      case "bagging" -> sets.addAll(List.of("smoothing.scheme=bagging", "smoothing.bag-size=20"));
      case "bagging-without-replacement" -> sets.addAll(List.of("smoothing.scheme=bagging", "smoothing.bag-size=20",
          "smoothing.bag-replacement=false"));
      case "partition" -> sets.add("smoothing.scheme=partition");
      case "bagflip" -> sets.addAll(List.of("smoothing.scheme=bagflip", "smoothing.bag-size=20", "certify.trigger-size=1"));
      default -> throw new IllegalArgumentException(scheme);
    }
    sets.addAll(List.of(more));
    return sets;
  }

  static JsonNode summary(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void votesAreIdenticalWhateverTheMasterAndSlicingAndAResumedRunEndsTheSame(String scheme) throws Exception {
    Path one = tmp.resolve(scheme + "-local1");
    String printed = cli("local[1]", settings(scheme, one, "job.slices=1"));
    assertTrue(printed.contains("examples certified accuracy"), printed);
    Path two = tmp.resolve(scheme + "-local2");
    cli("local[2]", settings(scheme, two, "job.slices=5"));
    assertEquals(points(one), points(two));
    assertEquals(Files.readString(one.resolve("curve.csv")), Files.readString(two.resolve("curve.csv")));
    assertTrue(Files.readString(one.resolve("curve.csv")).startsWith("poisoned_examples,"));
    JsonNode s = summary(one);
    assertEquals(scheme.startsWith("bagging") ? "bagging" : scheme, s.get("scheme").get("name").asText());
    assertEquals(scheme.equals("partition"), s.get("scheme").get("deterministic").asBoolean());
    assertEquals(60, s.get("training_examples").asInt());

    // A crash after some slices: two checkpoints and the reports gone; the same command ends the same.
    List<Path> slices = sliceFiles(two);
    Files.delete(slices.get(1));
    Files.delete(slices.get(3));
    Files.delete(two.resolve("points.csv"));
    String again = cli("local[2]", settings(scheme, two, "job.slices=5"));
    assertTrue(again.contains("trained 9 (2 slices)") || again.contains("trained 10 (2 slices)"), again);
    assertEquals(points(one), points(two));
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void aSliceOfTheFlipNoiseIsSetAsideNotCounted(String scheme) throws Exception {
    Path flip = tmp.resolve(scheme + "-flip");
    cli("local[2]", List.of("data.dir=\"" + CertifyRunIT.DATA + "\"", "data.train-size=60", "data.test-size=40",
        "smoothing.classifiers=24", "learner.max-iter=30", "job.slices=4", "job.out=\"" + flip + "\""));
    Path dir = tmp.resolve(scheme + "-foreign");
    cli("local[2]", settings(scheme, dir, "job.slices=4"));
    String clean = points(dir);
    // The flip run's first slice, under the same file name, in this run's votes: stamped with another
    // identity, it is set aside and its classifiers trained again.
    Path theirs = sliceFiles(flip).get(0);
    Path ours = sliceFiles(dir).get(0);
    assertEquals(theirs.getFileName(), ours.getFileName());
    Files.copy(theirs, ours, StandardCopyOption.REPLACE_EXISTING);
    Files.delete(dir.resolve("points.csv"));
    cli("local[2]", settings(scheme, dir, "job.slices=4"));
    assertEquals(clean, points(dir));
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void storedVotesAreCertifiedAgainWithAnotherAlpha(String scheme) throws Exception {
    Path dir = tmp.resolve(scheme + "-stored");
    cli("local[2]", settings(scheme, dir));
    Path copy = tmp.resolve(scheme + "-recertified");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(new String[] {"certify", "--run", dir.toString(), "--alpha", "0.2", "--out",
        copy.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    String[] a = points(dir).split("\n");
    String[] b = points(copy).split("\n");
    assertEquals(a.length, b.length);
    for (int i = 1; i < a.length; i++) {
      String[] fa = a[i].split(",");
      String[] fb = b[i].split(",");
      assertEquals(fa[4] + "," + fa[5], fb[4] + "," + fb[5], "the same votes at line " + i);
      int ra = Integer.parseInt(fa[8]);
      int rb = Integer.parseInt(fb[8]);
      if (scheme.equals("partition")) {
        assertEquals(ra, rb, "a deterministic certificate does not depend on alpha");
      } else {
        assertTrue(rb >= ra, "a larger alpha never certifies less: line " + i);
      }
    }
    assertEquals(scheme.startsWith("bagging") ? "bagging" : scheme, summary(copy).get("scheme").get("name").asText());
  }

  /**
   * Partition's classifier j trains on the examples whose hash is j modulo N: votes of another N are other
   * parts (they overlap), so they are never reused nor certified under this N.
   */
  @org.junit.jupiter.api.Test
  void partitionVotesOfAnotherNumberOfPartsAreRefused() throws Exception {
    Path dir = tmp.resolve("partition-grown");
    cli("local[2]", settings("partition", dir));
    HostileInputTest.Result grown = HostileInputTest.run("local[2]", settings("partition", dir,
        "smoothing.classifiers=30"));
    assertEquals(2, grown.status(), grown.out() + grown.err());
    assertTrue(grown.err().contains("smoothing.classifiers"), grown.err());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(new String[] {"certify", "--run", dir.toString(), "--set", "smoothing.classifiers=12",
        "--out", tmp.resolve("partition-fewer").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status, "fewer parts than the votes were cut into: " + out + err);
  }
}
