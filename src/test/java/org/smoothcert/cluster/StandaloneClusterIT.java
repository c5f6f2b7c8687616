package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.cluster.ClusterRuns.TIMEOUT_S;
import static org.smoothcert.cluster.ClusterRuns.assertSameVotes;
import static org.smoothcert.cluster.ClusterRuns.awaitSlices;
import static org.smoothcert.cluster.ClusterRuns.fresh;
import static org.smoothcert.cluster.ClusterRuns.killAnExecutorMidRun;
import static org.smoothcert.cluster.ClusterRuns.slicesDone;
import static org.smoothcert.cluster.ClusterRuns.succeeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  @RegisterExtension
  static final StandaloneCluster CLUSTER = new StandaloneCluster(DIR.resolve("standalone"));

  static Path reference;

  /** Small enough to be quick, long enough (about half a minute on two cores) to be killed mid-run. */
  static List<String> run(Path out) {
    return ClusterRuns.run(out, List.of("data.train-size=40", "data.test-size=60",
        "smoothing.classifiers=" + CLASSIFIERS, "learner.hidden=8", "learner.max-iter=30", "job.slices=" + SLICES));
  }

  static Running submit(String name, Path out) throws Exception {
    return submit(name, run(out));
  }

  static Running submit(String name, List<String> run) throws Exception {
    List<String> args = new ArrayList<>(List.of(CLUSTER.masterUrl()));
    args.addAll(run);
    return Scripts.start(DIR.resolve("logs"), name, Map.of("SPARK_HOME", SparkHome.DIR.toString(),
        "SPARK_SUBMIT_OPTS_EXTRA", "--driver-memory 512m --executor-memory 768m --executor-cores 1"
            + " --total-executor-cores 2 --conf spark.driver.host=127.0.0.1"
            + " --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false"), "standalone", args);
  }

  @BeforeAll
  static void localReference() throws Exception {
    reference = ClusterRuns.localReference(DIR, StandaloneClusterIT::run);
  }

  /** A small run of each scheme that certifies poisoned training examples. */
  static List<String> schemeRun(String scheme, Path out) {
    List<String> sets = new ArrayList<>(List.of("data.train-size=60", "data.test-size=60",
        "smoothing.classifiers=40", "learner.max-iter=30", "job.slices=8", "smoothing.scheme=" + scheme));
    if (!scheme.equals("partition")) {
      sets.add("smoothing.bag-size=20");
    }
    if (scheme.equals("bagflip")) {
      sets.add("certify.trigger-size=1");
    }
    return ClusterRuns.run(out, sets);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bagging", "partition", "bagflip"})
  void everySchemeGivesOnTheClusterTheVotesOfALocalRun(String scheme) throws Exception {
    Path local = ClusterRuns.localReference(DIR.resolve(scheme), out -> schemeRun(scheme, out));
    Path out = fresh(DIR, scheme + "-standalone");
    succeeded(submit(scheme, schemeRun(scheme, out)).await(TIMEOUT_S));
    assertSameVotes(local, out);
  }

  @Test
  void submittedRunIsByteIdenticalToALocalRun() throws Exception {
    Path out = fresh(DIR, "standalone");
    Finished run = succeeded(submit("standalone", out).await(TIMEOUT_S));
    assertTrue(run.out().contains("-> file:" + out), run.out());
    assertSameVotes(reference, out);
    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"master\" : \"" + CLUSTER.masterUrl()),
        "summary.json names the cluster's master");
  }

  @Test
  void killedExecutorIsReplacedAndTheResultIsUnchanged() throws Exception {
    Path out = fresh(DIR, "executor-lost");
    long launchedBefore = CLUSTER.executorsLaunched();
    Running run = submit("executor-lost", out);
    killAnExecutorMidRun(out, SLICES, run, CLUSTER::executors);

    succeeded(run.await(TIMEOUT_S));
    assertSameVotes(reference, out);
    assertTrue(CLUSTER.executorsLaunched() - launchedBefore > StandaloneCluster.WORKERS,
        "a replacement executor was launched");
  }

  @Test
  void killedDriverResumesFromItsCheckpoints() throws Exception {
    Path out = fresh(DIR, "driver-killed");
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
    assertSameVotes(reference, out);
  }
}
