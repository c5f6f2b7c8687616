package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.app.Main;
import org.smoothcert.report.Json;

/**
 * Votes are only ever counted under the configuration that made them: each slice checkpoint carries the
 * identity of its votes inside its checksummed bytes, so removing or replacing votes.id, or copying a
 * slice in from another run, can never make a run count foreign votes (the worst defect this product
 * can have: a wrong certificate with exit code 0).
 */
class RunDirectoryIntegrityIT {
  /** The small run of the hostile-user report: 40 classifiers, 50 test points, H = 8. */
  static final List<String> SMALL = List.of("smoothing.classifiers=40", "data.test-size=50", "learner.hidden=8");

  @TempDir static Path tmp;
  static Path clean;

  record Result(int status, String out) {}

  static Result run(String command, Path out, String... sets) {
    List<String> argv = new ArrayList<>(List.of(command, "--master", "local[2]", "--out", out.toString()));
    for (String set : Stream.concat(SMALL.stream(), Stream.of(sets)).toList()) {
      argv.addAll(List.of("--set", set));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = Main.execute(argv.toArray(String[]::new), print, print);
    return new Result(status, bytes.toString(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static long reused(Path dir) throws IOException {
    Map<String, Object> summary = Json.read(Files.readString(dir.resolve("summary.json")));
    return ((Number) ((Map<String, Object>) summary.get("run")).get("classifiers_reused")).longValue();
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @BeforeAll
  static void cleanRun() {
    clean = tmp.resolve("clean");
    Result r = run("run", clean);
    assertEquals(0, r.status(), r.out());
  }

  @ParameterizedTest(name = "votes of {0} under a removed votes.id")
  @CsvSource({"seed=-1", "smoothing.beta=0.8"})
  void votesWhoseIdentityFileWasRemovedAreSetAsideNotReused(String other) throws IOException {
    Path dir = tmp.resolve("foreign-" + other.replaceAll("\\W", "_"));
    assertEquals(0, run("run", dir, other).status());
    Files.delete(dir.resolve("votes.id"));

    Result r = run("run", dir);
    assertEquals(0, r.status(), r.out());
    assertEquals(0, reused(dir), r.out());
    assertEquals(Files.readString(clean.resolve("points.csv")), Files.readString(dir.resolve("points.csv")));
    List<String> votes = names(dir.resolve("votes"));
    assertTrue(votes.stream().anyMatch(n -> n.startsWith(".slice-") && n.contains(".votes.foreign-")),
        "the foreign slices are kept aside: " + votes);
  }

  @Test
  void aSliceCopiedInFromAnotherRunIsNotCounted() throws IOException {
    Path other = tmp.resolve("other-seed");
    assertEquals(0, run("run", other, "seed=5", "job.slices=2").status());
    Path dir = tmp.resolve("copied-into");
    assertEquals(0, run("run", dir, "smoothing.classifiers=20", "job.slices=1").status());
    // The other run's slice [20, 40): exactly the classifiers this run has yet to train.
    String name = "slice-0000000020-0000000040.votes";
    Files.copy(other.resolve("votes").resolve(name), dir.resolve("votes").resolve(name));

    Result r = run("run", dir);
    assertEquals(0, r.status(), r.out());
    assertEquals(20, reused(dir), r.out());
    assertEquals(Files.readString(clean.resolve("points.csv")), Files.readString(dir.resolve("points.csv")));
  }

  @Test
  void recertifyingLeavesTheRunDirectoryAsItWasEvenWithADamagedSlice() throws IOException {
    Path dir = tmp.resolve("damaged");
    assertEquals(0, run("run", dir, "job.slices=2").status());
    Path slice = dir.resolve("votes").resolve(names(dir.resolve("votes")).get(0));
    byte[] bytes = Files.readAllBytes(slice);
    bytes[bytes.length / 2] ^= 1;
    Files.write(slice, bytes);
    List<String> before = names(dir.resolve("votes"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Main.execute(new String[] {"certify", "--run", dir.toString(), "--out", tmp.resolve("recertified").toString()},
        print, print);
    assertEquals(before, names(dir.resolve("votes")), out.toString(StandardCharsets.UTF_8));
  }
}
