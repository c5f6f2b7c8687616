package org.smoothcert.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A YARN ResourceManager and one NodeManager in the test JVM (Hadoop's MiniYARNCluster), bound to
 * 127.0.0.1, for the tests of a class. Containers are real processes: the NodeManager launches each
 * with bash as a child of this JVM, as a NodeManager does on a cluster node. {@link #confDir()} is the
 * HADOOP_CONF_DIR that spark-submit needs to find the ResourceManager.
 */
final class MiniYarn implements BeforeAllCallback, AfterAllCallback {
  /** The NodeManager's memory: an application master and two executors of 512 MB heap fit (896 MB each). */
  static final int NODE_MEMORY_MB = 4096;

  private final Path dir;
  private MiniYARNCluster cluster;

  /** DIR/conf gets the client configuration; the cluster itself works where MiniYARNCluster puts it. */
  MiniYarn(Path dir) {
    this.dir = dir;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    // The cluster's addresses name this host; the servers bind to 127.0.0.1, so it must resolve there.
    InetAddress host = InetAddress.getLocalHost();
    if (!host.isLoopbackAddress()) {
      throw new IllegalStateException("MiniYARNCluster advertises the host name " + host.getHostName()
          + ", which resolves to " + host.getHostAddress() + ", not to a loopback address");
    }
    YarnConfiguration conf = new YarnConfiguration();
    conf.set(YarnConfiguration.RM_BIND_HOST, "127.0.0.1");
    conf.set(YarnConfiguration.NM_BIND_HOST, "127.0.0.1");
    conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", NODE_MEMORY_MB);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    // The capacity scheduler (YARN's default) with one queue of the whole cluster: the shaded
    // minicluster has no capacity-scheduler.xml to declare it.
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
    conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
    // A full disk of a shared machine must not make the only node unhealthy.
    conf.setBoolean("yarn.nodemanager.disk-health-checker.enable", false);
    // What a node's own environment gives its containers: the JVM (Spark starts {{JAVA_HOME}}/bin/java).
    conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
    cluster = new MiniYARNCluster(dir.getFileName().toString(), 1, 1, 1);
    removeEarlierClusters();
    cluster.init(conf);
    cluster.start();
    if (!cluster.waitForNodeManagersToConnect(60_000)) {
      throw new IllegalStateException("the NodeManager did not register with the ResourceManager in 60 s");
    }
    Files.createDirectories(confDir());
    try (OutputStream out = Files.newOutputStream(confDir().resolve("yarn-site.xml"))) {
      cluster.getConfig().writeXml(out);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster != null) {
      cluster.stop();
    }
  }

  /** The cluster's client configuration (yarn-site.xml), for HADOOP_CONF_DIR. */
  Path confDir() {
    return dir.resolve("conf");
  }

  /** The NodeManager's local and log folders (each container's stdout and stderr) are in there. */
  Path workDir() {
    return cluster.getTestWorkDir().toPath().toAbsolutePath();
  }

  /** MiniYARNCluster works in a new folder each time (target/test/data/NAME/yarn-TIME): keep the last only. */
  private void removeEarlierClusters() throws IOException {
    Path mine = workDir();
    try (Stream<Path> siblings = Files.list(mine.getParent())) {
      for (Path earlier : siblings.filter(p -> !p.equals(mine)).toList()) {
        FileUtils.deleteDirectory(earlier.toFile());
      }
    }
  }

  /** The Spark executor JVMs running in containers now (each a descendant of this JVM). */
  List<ProcessHandle> executors() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("YarnCoarseGrainedExecutorBackend")).toList();
  }

  /** How many containers (application masters and executors) the NodeManager has launched so far. */
  long containersLaunched() throws IOException {
    try (Stream<Path> containers = Files.find(workDir(), 3, (p, a) -> a.isDirectory()
        && p.getFileName().toString().startsWith("container_")
        && p.getParent().getFileName().toString().startsWith("application_")
        && p.getParent().getParent().getFileName().toString().contains("-logDir-"))) {
      return containers.count();
    }
  }
}
