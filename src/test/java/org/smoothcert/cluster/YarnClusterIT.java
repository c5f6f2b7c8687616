package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.cluster.ClusterRuns.TIMEOUT_S;
import static org.smoothcert.cluster.ClusterRuns.assertSameVotes;
import static org.smoothcert.cluster.ClusterRuns.fresh;
import static org.smoothcert.cluster.ClusterRuns.killAnExecutorMidRun;
import static org.smoothcert.cluster.ClusterRuns.succeeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smoothcert.cluster.Scripts.Finished;
import org.smoothcert.cluster.Scripts.Running;

/**
 * The packaged jar on YARN (Hadoop's MiniYARNCluster on 127.0.0.1, every application master and
 * executor a container process of its own), submitted with {@code submit/yarn} and spark-submit from
 * the SPARK_HOME of Maven jars, in client and in cluster deploy mode: its votes are byte-identical to a
 * local[1] run, also when an executor's container is killed mid-run.
 */
class YarnClusterIT {
  static final Path DIR = Scripts.TARGET.resolve("yarn-it");
  static final int CLASSIFIERS = 300;
  static final int SLICES = 30;

  @RegisterExtension
  static final MiniYarn YARN = new MiniYarn(DIR);

  static Path reference;

  /** The default experiment with a few hundred classifiers: about 10 s of training on one core. */
  static List<String> run(Path out) {
    String data = Scripts.HOME.resolve("data/mnist-1-7").toString();
    return ClusterRuns.run(out, List.of("data.dir=\"" + data + "\"", "smoothing.classifiers=" + CLASSIFIERS,
        "job.slices=" + SLICES));
  }

  /**
   * {@code submit/yarn} as a user runs it, but with small containers, the driver on loopback in cluster
   * mode too (executors take SPARK_LOCAL_IP from it), and with Spark's jars taken from
   * this machine's SPARK_HOME ({@code local:}, the node shares its disk) instead of zipped and uploaded
   * for every application; staging files stay under target/.
   */
  static Running submit(String name, String deployMode, Path out) throws Exception {
    Path sparkHome = SparkHome.DIR;
    String options = String.join(" ", "--num-executors 2 --executor-cores 1 --executor-memory 512m",
        "--driver-memory 512m --conf spark.yarn.am.memory=512m --conf spark.ui.enabled=false",
        "--conf spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
        "--conf spark.yarn.stagingDir=file:" + DIR.resolve("staging"),
        "--conf spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*");
    return Scripts.start(DIR.resolve("logs"), name, Map.of("SPARK_HOME", sparkHome.toString(),
        "HADOOP_CONF_DIR", YARN.confDir().toString(), "SMOOTHCERT_DEPLOY_MODE", deployMode,
        "SPARK_SUBMIT_OPTS_EXTRA", options), "yarn", run(out));
  }

  @BeforeAll
  static void localReference() throws Exception {
    SparkHome.make(DIR.resolve("logs"));
    reference = ClusterRuns.localReference(DIR, YarnClusterIT::run);
  }

  @Test
  void clientModeGivesTheVotesOfALocalRun() throws Exception {
    Path out = fresh(DIR, "client");
    Finished run = succeeded(submit("client", "client", out).await(TIMEOUT_S));
    assertTrue(run.out().contains("smoothcert run -> file:" + out), "the driver prints here: " + run.out());
    assertSameVotes(reference, out);
    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"master\" : \"yarn\""),
        "summary.json names YARN as the master");
  }

  @Test
  void clusterModeGivesTheVotesOfALocalRun() throws Exception {
    Path out = fresh(DIR, "cluster");
    succeeded(submit("cluster", "cluster", out).await(TIMEOUT_S));
    assertSameVotes(reference, out);
    Path driver = applicationMasterLogs(out);
    String printed = Files.readString(driver.resolve("stdout"));
    assertTrue(printed.contains("certified accuracy"), "the driver's table is in its container's log: " + printed);
    // The driver read the logging config shipped into its container, not this machine's copy.
    assertTrue(Files.readString(driver.resolve("launch_container.sh")).contains("\"log4j2.properties\""),
        "conf/log4j2.properties is localized into the driver's container");
    assertTrue(Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d INFO VoteJob: classifiers " + CLASSIFIERS + " / " + CLASSIFIERS)
        .matcher(Files.readString(driver.resolve("stderr"))).find(), "the driver logs in conf/log4j2.properties' pattern");
  }

  @Test
  void killedExecutorContainerLeavesTheVotesUnchanged() throws Exception {
    Path out = fresh(DIR, "executor-lost");
    long launchedBefore = YARN.containersLaunched();
    Running run = submit("executor-lost", "cluster", out);
    killAnExecutorMidRun(out, SLICES, run, YARN::executors);

    succeeded(run.await(TIMEOUT_S));
    assertSameVotes(reference, out);
    // The driver saw the executor go and re-ran its work. Whether YARN also starts a replacement container
    // before the job ends depends on timing (on a quiet machine the other executor often finishes first).
    String driverLog = Files.readString(applicationMasterLogs(out).resolve("stderr"));
    assertTrue(driverLog.contains("Lost executor"), "the driver logged the lost executor: " + driverLog);
    System.out.printf("executor-lost: %d containers launched (application master, executors, replacements)%n",
        YARN.containersLaunched() - launchedBefore);
  }

  /** The log folder of the cluster-mode driver (the application master) that wrote to OUT: what `yarn logs` shows. */
  static Path applicationMasterLogs(Path out) throws Exception {
    try (Stream<Path> logs = Files.find(YARN.workDir(), 4, (p, a) -> p.getFileName().toString().equals("stdout")
        && p.getParent().getFileName().toString().endsWith("_000001"))) {
      for (Path log : logs.toList()) {
        if (Files.readString(log).contains("smoothcert run -> file:" + out)) {
          return log.getParent();
        }
      }
    }
    throw new AssertionError("no application master's stdout names " + out);
  }
}
