package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.smoothcert.cluster.Scripts.Finished;
import org.smoothcert.cluster.Scripts.Running;
import org.smoothcert.votes.SliceCodec;
import org.smoothcert.votes.SliceCodec.Stamped;
import org.smoothcert.votes.TrainingStats;

/** What the cluster tests share: a run's command line, its run directory, and the watch over its slices. */
final class ClusterRuns {
  static final long TIMEOUT_S = 600;

  private ClusterRuns() {}

  /** {@code run --out OUT --set k=v ...} */
  static List<String> run(Path out, List<String> sets) {
    List<String> args = new ArrayList<>(List.of("run", "--out", out.toString()));
    for (String set : sets) {
      args.addAll(List.of("--set", set));
    }
    return args;
  }

  /** {@code DIR/runs/local1}: the command {@code run} makes of it, run with {@code submit/smoothcert --master local[1]}. */
  static Path localReference(Path dir, Function<Path, List<String>> run) throws Exception {
    Path reference = fresh(dir, "local1");
    List<String> args = new ArrayList<>(run.apply(reference));
    args.addAll(List.of("--master", "local[1]"));
    succeeded(Scripts.start(dir.resolve("logs"), "local1", Map.of(), "smoothcert", args).await(TIMEOUT_S));
    return reference;
  }

  static Finished succeeded(Finished run) {
    assertEquals(0, run.status(), run.err());
    return run;
  }

  /** {@code DIR/runs/NAME}, emptied: target/ outlives a run of the suite. */
  static Path fresh(Path dir, String name) throws Exception {
    Path out = dir.resolve("runs").resolve(name);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    return out;
  }

  /** The slice checkpoints of a run directory, in name order. */
  static List<Path> slices(Path out) throws Exception {
    Path votes = out.resolve("votes");
    if (!Files.isDirectory(votes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(votes)) {
      return files.filter(p -> p.getFileName().toString().matches("slice-.*\\.votes")).sorted().toList();
    }
  }

  static long slicesDone(Path out) throws Exception {
    return slices(out).size();
  }

  static void awaitSlices(Path out, long slices, Running run) throws Exception {
    while (slicesDone(out) < slices) {
      assertTrue(run.process().isAlive(), "the run ended before " + slices + " slices were done: " + run.err());
      Thread.sleep(100);
    }
  }

  /** Once the run has checkpointed a slice, kills one of the executors (SIGKILL), before its last slice. */
  static void killAnExecutorMidRun(Path out, long slices, Running run, Callable<List<ProcessHandle>> executors)
      throws Exception {
    awaitSlices(out, 1, run);
    List<ProcessHandle> running = executors.call();
    assertFalse(running.isEmpty(), "no executor JVM found");
    ProcessHandle victim = running.get(0);
    assertTrue(victim.destroyForcibly(), "kill -9 of executor " + victim.pid());
    assertTrue(slicesDone(out) < slices, "the executor was killed after the last slice");
  }

  /**
   * points.csv is byte for byte that of the reference run, and so is every slice checkpoint but for
   * its timings (and so its CRC): the identity it was made under, the vote counts, and what training
   * did (predictions right, cost evaluations, iterations).
   */
  static void assertSameVotes(Path reference, Path out) throws Exception {
    assertEquals(Files.readString(reference.resolve("points.csv")), Files.readString(out.resolve("points.csv")));
    List<Path> expected = slices(reference);
    List<Path> actual = slices(out);
    assertEquals(expected.stream().map(Path::getFileName).toList(), actual.stream().map(Path::getFileName).toList());
    for (int i = 0; i < expected.size(); i++) {
      Stamped want = SliceCodec.decode(Files.readAllBytes(expected.get(i)));
      Stamped got = SliceCodec.decode(Files.readAllBytes(actual.get(i)));
      String slice = "slice " + actual.get(i);
      assertArrayEquals(want.identity(), got.identity(), slice);
      assertArrayEquals(want.slice().votes().toArray(), got.slice().votes().toArray(), slice);
      TrainingStats a = want.slice().stats();
      TrainingStats b = got.slice().stats();
      assertEquals(List.of(a.correct(), a.predictions(), a.costEvaluations(), a.iterations()),
          List.of(b.correct(), b.predictions(), b.costEvaluations(), b.iterations()), slice);
    }
  }
}
