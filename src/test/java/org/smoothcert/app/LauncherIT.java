package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher script as a user runs it, on the packaged jar. */
class LauncherIT {
  record Run(int status, String out, String err) {}

  static Run launch(String... args) throws Exception {
    File home = new File(System.getProperty("smoothcert.basedir", "."));
    List<String> command = new ArrayList<>();
    command.add(new File(home, "submit/smoothcert").getPath());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(home).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void certificateCommandsAnswerWithoutSpark() throws Exception {
    Run radius = launch("radius", "--beta", "0.9", "--feature-domain", "2", "--label-domain", "2",
        "--p-lower", "0.9938");
    assertEquals(0, radius.status(), radius.err());
    String[] lines = radius.out().strip().split("\n");
    assertEquals("1", lines[lines.length - 1]);
    assertFalse((radius.out() + radius.err()).contains("SparkContext"));

    Run bound = launch("bound", "--count", "9973", "--n", "10000", "--alpha", "1e-6");
    assertEquals(0, bound.status(), bound.err());
    assertTrue(bound.out().strip().endsWith("0.9939427706605113"), bound.out());
  }

  @Test
  void helpOpensWithTheUsageNotAJvmWarning() throws Exception {
    for (String command : List.of("run", "sweep", "study", "attack", "bench")) {
      Run help = launch(command, "--help");
      assertEquals(0, help.status(), help.err());
      assertTrue(help.out().startsWith("Usage: smoothcert " + command), help.out());
      assertFalse(help.err().contains("WARNING: Using incubator modules"), command + ": " + help.err());
    }
  }

  @Test
  void badArgumentExitsTwoWithOneLine() throws Exception {
    Run run = launch("bound", "--count", "11", "--n", "10", "--alpha", "0.05");
    assertEquals(2, run.status());
    assertEquals("smoothcert bound: --count must be in [0, --n=10], got 11", run.err().strip());
  }
}
