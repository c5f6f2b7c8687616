package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM and Ctrl-C (SIGINT) in the middle of training, through the launcher a user runs: one line
 * saying how many classifiers are checkpointed, where, and that the same command resumes; exit 143 /
 * 130; no stack trace; the finished slices kept, so the same command then ends as a clean run does.
 */
class SignalIT {
  private static final File HOME = new File(System.getProperty("smoothcert.basedir", "."));
  private static final List<String> SETS = List.of("smoothing.classifiers=400", "data.test-size=40",
      "learner.hidden=8", "job.slices=40");

  @TempDir Path tmp;

  private static Process start(Path out, Path log) throws IOException {
    // A build started as a background job of a non-interactive shell (nohup ... &) inherits SIGINT
    // ignored, and a JVM that starts with SIGINT ignored never handles it: the launcher is run with
    // SIGINT's default disposition restored, as a user's terminal gives it (coreutils' env).
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
        new File(HOME, "submit/smoothcert").getPath(), "run",
        "--master", "local[2]", "--out", out.toString()));
    for (String set : SETS) {
      command.addAll(List.of("--set", set));
    }
    return new ProcessBuilder(command).directory(HOME).redirectOutput(log.resolveSibling(log.getFileName() + ".out")
        .toFile()).redirectError(log.toFile()).start();
  }

  private static long slices(Path out) throws IOException {
    Path votes = out.resolve("votes");
    if (!Files.isDirectory(votes)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(votes)) {
      return files.filter(p -> p.getFileName().toString().matches("slice-\\d+-\\d+\\.votes")).count();
    }
  }

  @ParameterizedTest(name = "SIG{0}")
  @CsvSource({"TERM, 143", "INT, 130"})
  void aSignalEndsInOneLineAndTheSameCommandResumes(String signal, int status) throws Exception {
    Path out = tmp.resolve("run");
    Path log = tmp.resolve("stopped.err");
    Process p = start(out, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (p.isAlive() && slices(out) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "the run ended before two slices were checkpointed: " + Files.readString(log));
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not stop");
    String err = Files.readString(log);
    assertEquals(status, p.exitValue(), err);
    String[] lines = err.strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.matches("smoothcert: stopped by SIG" + signal + "; [0-9,]+ of 400 classifiers are checkpointed in "
        + "file:" + out + "; run the same command again to resume"), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    assertTrue(slices(out) >= 2, "finished slices kept");

    Path clean = tmp.resolve("clean");
    Process resumed = start(out, tmp.resolve("resumed.err"));
    Process fresh = start(clean, tmp.resolve("clean.err"));
    assertTrue(resumed.waitFor(300, TimeUnit.SECONDS) && fresh.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, resumed.exitValue(), Files.readString(tmp.resolve("resumed.err")));
    assertEquals(0, fresh.exitValue(), Files.readString(tmp.resolve("clean.err")));
    assertEquals(Files.readString(clean.resolve("points.csv")), Files.readString(out.resolve("points.csv")));
  }
}
