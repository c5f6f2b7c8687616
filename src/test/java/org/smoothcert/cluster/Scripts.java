package org.smoothcert.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scripts under {@code submit/} run as a user runs them: a child process with no standard input,
 * its output kept in a log file under {@code target/}, the environment a cluster needs.
 */
final class Scripts {
  static final Path HOME = Path.of(System.getProperty("smoothcert.basedir", ".")).toAbsolutePath().normalize();
  static final Path TARGET = HOME.resolve("target");

  /** A finished script: its exit status and everything it printed. */
  record Finished(int status, String out, String err) {}

  /** A script still running in the background. */
  record Running(Process process, Path out, Path err) {
    Finished await(long timeoutSeconds) throws Exception {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("did not finish within " + timeoutSeconds + " s; see " + err);
      }
      return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private Scripts() {}

  /** Starts {@code submit/<script> args...}; output goes to {@code logs/<name>.out} and {@code .err}. */
  static Running start(Path logs, String name, Map<String, String> env, String script, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("submit").resolve(script).toString());
    command.addAll(args);
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().putAll(env);
    return new Running(builder.start(), out, err);
  }

  static Finished run(Path logs, String name, Map<String, String> env, long timeoutSeconds, String script,
      String... args) throws Exception {
    return start(logs, name, env, script, List.of(args)).await(timeoutSeconds);
  }
}
