package org.smoothcert.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Spark standalone cluster on 127.0.0.1 (one master, two one-core workers) for the tests of a
 * class, started and stopped with {@code submit/standalone-cluster}. It is stopped after the class,
 * whatever happened, by a shutdown hook if the test JVM itself is ended, and, if that JVM was killed
 * outright, before the next start.
 */
final class StandaloneCluster implements BeforeAllCallback, AfterAllCallback {
  static final int WORKERS = 2;

  private final Path dir;
  private final Map<String, String> env;
  private final Thread stopAtExit = new Thread(this::stopQuietly, "stop standalone cluster");
  private String masterUrl;

  StandaloneCluster(Path dir) {
    this.dir = dir;
    try {
      this.env = Map.of("SMOOTHCERT_MASTER_PORT", freePort(), "SMOOTHCERT_MASTER_UI_PORT", freePort(),
          "SMOOTHCERT_WORKERS", Integer.toString(WORKERS), "SMOOTHCERT_WORKER_CORES", "1",
          "SMOOTHCERT_WORKER_MEMORY", "1g", "SPARK_HOME", SparkHome.DIR.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Runtime.getRuntime().addShutdownHook(stopAtExit);
    stop(); // daemons left by a test JVM that was killed outright, found by their PID files
    SparkHome.make(dir.resolve("logs"));
    Scripts.Finished started = Scripts.run(dir.resolve("logs"), "start", env, 180, "standalone-cluster", "start",
        dir.toString());
    if (started.status() != 0) {
      throw new IllegalStateException("submit/standalone-cluster start failed: " + started.err());
    }
    masterUrl = started.out().strip();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The executor JVMs the workers run now (each a child process of a worker). */
  List<ProcessHandle> executors() throws IOException {
    List<ProcessHandle> executors = new ArrayList<>();
    for (int i = 1; i <= WORKERS; i++) {
      long worker = Long.parseLong(Files.readString(dir.resolve("pids/worker-" + i + ".pid")).strip());
      ProcessHandle.of(worker).ifPresent(w -> w.children()
          .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
          .forEach(executors::add));
    }
    return executors;
  }

  /** How many executors the workers have launched for all applications so far. */
  long executorsLaunched() throws IOException {
    try (var apps = Files.find(dir.resolve("work"), 3, (p, a) -> a.isDirectory()
        && p.getFileName().toString().matches("\\d+") && p.getParent().getFileName().toString().startsWith("app-"))) {
      return apps.count();
    }
  }

  private void stop() throws Exception {
    Scripts.Finished stopped = Scripts.run(dir.resolve("logs"), "stop", env, 120, "standalone-cluster", "stop",
        dir.toString());
    if (stopped.status() != 0) {
      throw new IllegalStateException("submit/standalone-cluster stop failed: " + stopped.err());
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private static String freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return Integer.toString(socket.getLocalPort());
    }
  }
}
