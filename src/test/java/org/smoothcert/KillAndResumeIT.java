package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at ten moments of a small run, through the launcher a user runs: seven drawn uniformly over a
 * clean run's duration and three at the first sight of an output being written. After each kill the
 * same command is run again to the end; its points.csv, curve.csv and the certificate of summary.json
 * must equal a clean run's, and no temporary file may be left behind.
 */
class KillAndResumeIT {
  private static final File HOME = new File(System.getProperty("smoothcert.basedir", "."));
  private static final List<String> SETS = List.of("smoothing.classifiers=200", "data.test-size=40",
      "learner.hidden=8", "job.slices=20");

  @TempDir Path tmp;

  private static Process start(Path out) throws IOException {
    List<String> command = new ArrayList<>(List.of(new File(HOME, "submit/smoothcert").getPath(), "run",
        "--master", "local[2]", "--out", out.toString()));
    for (String set : SETS) {
      command.addAll(List.of("--set", set));
    }
    return new ProcessBuilder(command).directory(HOME).redirectErrorStream(true)
        .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
  }

  private static void finish(Path out) throws Exception {
    Process p = start(out);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not finish");
    assertEquals(0, p.exitValue(), Files.readString(out.resolveSibling(out.getFileName() + ".log")));
  }

  /** True once any output of the certification (or its temporary file) is in the run directory. */
  private static boolean writingOutputs(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString())
          .anyMatch(n -> n.contains("points.csv") || n.contains("curve.csv") || n.contains("summary.json"));
    }
  }

  private static List<String> leftovers(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.map(p -> out.relativize(p).toString())
          .filter(n -> n.endsWith(".writing") || n.endsWith(".probe") || n.contains(".writing-")).toList();
    }
  }

  @Test
  void aRunKilledAtAnyMomentResumesToTheCleanRunsResults() throws Exception {
    Path clean = tmp.resolve("clean");
    long started = System.nanoTime();
    finish(clean);
    long cleanMillis = (System.nanoTime() - started) / 1_000_000;

    Random random = new Random(17);
    List<String> report = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      Path out = tmp.resolve("killed-" + k);
      Process p = start(out);
      boolean atOutputs = k >= 7;
      long deadline = System.nanoTime() + (atOutputs ? cleanMillis * 3 : random.nextLong(cleanMillis)) * 1_000_000;
      while (p.isAlive() && System.nanoTime() < deadline && !(atOutputs && writingOutputs(out))) {
        Thread.sleep(atOutputs ? 1 : 20);
      }
      boolean killedAlive = p.isAlive();
      p.destroyForcibly().waitFor();
      report.add("kill " + k + (atOutputs ? " at outputs" : "") + (killedAlive ? "" : " (had already ended)"));

      finish(out);
      assertEquals(Files.readString(clean.resolve("points.csv")), Files.readString(out.resolve("points.csv")),
          report.toString());
      assertEquals(Files.readString(clean.resolve("curve.csv")), Files.readString(out.resolve("curve.csv")),
          report.toString());
      assertEquals(GoldenRunIT.certificate(clean.resolve("summary.json")),
          GoldenRunIT.certificate(out.resolve("summary.json")), report.toString());
      assertEquals(List.of(), leftovers(out), report.toString());
    }
  }
}
