package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smoothcert.cluster.Scripts.Finished;
import org.smoothcert.cluster.Scripts.Running;

/**
 * The packaged jar on a real multi-JVM Spark cluster (standalone master and two workers on 127.0.0.1,
 * each executor a JVM of its own), submitted with the project's own wrapper: its results are
 * byte-identical to a local[1] run, also when an executor JVM is killed mid-job, and a killed driver's
 * run resumes from its slice checkpoints.
 */
class StandaloneClusterIT {
  static final Path DIR = Scripts.TARGET.resolve("cluster-it");
  static final int CLASSIFIERS = 200;
  static final int SLICES = 20;
  static final long TIMEOUT_S = 600;

  @RegisterExtension
  static final StandaloneCluster CLUSTER = new StandaloneCluster(DIR.resolve("standalone"));

  static String referencePoints;

  /** Small enough to be quick, long enough (about half a minute on two cores) to be killed mid-run. */
  static List<String> run(Path out) {
    List<String> args = new ArrayList<>(List.of("run", "--out", out.toString()));
    for (String set : List.of("data.train-size=40", "data.test-size=60", "smoothing.classifiers=" + CLASSIFIERS,
        "learner.hidden=8", "learner.max-iter=30", "job.slices=" + SLICES)) {
      args.addAll(List.of("--set", set));
    }
    return args;
  }

  static Running submit(String name, Path out) throws Exception {
    List<String> args = new ArrayList<>(List.of(CLUSTER.masterUrl()));
    args.addAll(run(out));
    return Scripts.start(DIR.resolve("logs"), name, Map.of("SPARK_HOME", StandaloneCluster.sparkHome().toString(),
        "SPARK_SUBMIT_OPTS_EXTRA", "--driver-memory 512m --executor-memory 768m --executor-cores 1"
            + " --total-executor-cores 2 --conf spark.driver.host=127.0.0.1"
            + " --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false"), "standalone", args);
  }

  static Finished succeeded(Finished run) {
    assertEquals(0, run.status(), run.err());
    return run;
  }

  static Path fresh(String name) throws Exception {
    Path out = DIR.resolve("runs").resolve(name);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    return out;
  }

  static long slicesDone(Path out) throws Exception {
    Path votes = out.resolve("votes");
    if (!Files.isDirectory(votes)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(votes)) {
      return files.filter(p -> p.getFileName().toString().matches("slice-.*\\.votes")).count();
    }
  }

  static void awaitSlices(Path out, long slices, Running run) throws Exception {
    while (slicesDone(out) < slices) {
      assertTrue(run.process().isAlive(), "the run ended before " + slices + " slices were done: " + run.err());
      Thread.sleep(100);
    }
  }

  @BeforeAll
  static void localReference() throws Exception {
    Path out = fresh("local1");
    List<String> args = new ArrayList<>(run(out));
    args.addAll(List.of("--master", "local[1]"));
    succeeded(Scripts.start(DIR.resolve("logs"), "local1", Map.of(), "smoothcert", args).await(TIMEOUT_S));
    referencePoints = Files.readString(out.resolve("points.csv"));
  }

  @Test
  void submittedRunIsByteIdenticalToALocalRun() throws Exception {
    Path out = fresh("standalone");
    Finished run = succeeded(submit("standalone", out).await(TIMEOUT_S));
    assertTrue(run.out().contains("-> file:" + out), run.out());
    assertEquals(referencePoints, Files.readString(out.resolve("points.csv")));
    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"master\" : \"" + CLUSTER.masterUrl()),
        "summary.json names the cluster's master");
  }

  @Test
  void killedExecutorIsReplacedAndTheResultIsUnchanged() throws Exception {
    Path out = fresh("executor-lost");
    long launchedBefore = CLUSTER.executorsLaunched();
    Running run = submit("executor-lost", out);
    awaitSlices(out, 1, run);
    List<ProcessHandle> executors = CLUSTER.executors();
    assertFalse(executors.isEmpty(), "no executor JVM found");
    ProcessHandle victim = executors.get(0);
    assertTrue(victim.destroyForcibly(), "kill -9 of executor " + victim.pid());
    assertTrue(slicesDone(out) < SLICES, "the executor was killed after the last slice");

    succeeded(run.await(TIMEOUT_S));
    assertEquals(referencePoints, Files.readString(out.resolve("points.csv")));
    assertTrue(CLUSTER.executorsLaunched() - launchedBefore > StandaloneCluster.WORKERS,
        "a replacement executor was launched");
  }

  @Test
  void killedDriverResumesFromItsCheckpoints() throws Exception {
    Path out = fresh("driver-killed");
    Running first = submit("driver-killed", out);
    awaitSlices(out, 3, first);
    first.process().destroyForcibly().waitFor();
    long checkpointed = slicesDone(out);
    assertTrue(checkpointed < SLICES, "the driver was killed after the last slice");
    assertFalse(Files.exists(out.resolve("points.csv")));

    Finished second = succeeded(submit("driver-resumed", out).await(TIMEOUT_S));
    Matcher reuse = Pattern.compile("reused (\\d+) classifiers \\((\\d+) slices\\) from earlier runs; trained (\\d+)"
        + " \\((\\d+) slices\\)").matcher(second.out());
    assertTrue(reuse.find(), second.out());
    assertEquals(checkpointed, Long.parseLong(reuse.group(2)), "every intact checkpoint is reused");
    assertEquals(CLASSIFIERS / SLICES * checkpointed, Long.parseLong(reuse.group(1)));
    assertEquals(CLASSIFIERS, Long.parseLong(reuse.group(1)) + Long.parseLong(reuse.group(3)));
    assertEquals(referencePoints, Files.readString(out.resolve("points.csv")));
  }
}
