package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.certify.L0Certificate;

/**
 * The command-line contract of radius, bound and thresholds (other tools parse these outputs), the help,
 * and one line with status 2 for every bad argument.
 */
class CliTest {
  record Result(int status, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  static Result run(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(line.split(" +"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void radiusPrintsTheIntegerLast() {
    assertEquals("1", run("radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 0.95").lastLine());
    assertEquals("2", run("radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 0.999").lastLine());
    assertEquals("-1", run("radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 0.5").lastLine());
    assertEquals("0", run("radius --beta=0.9 --feature-domain=2 --label-domain=2 --p-lower=0.9").lastLine());
  }

  @Test
  void boundPrintsFullDoublePrecisionLast() {
    Result r = run("bound --count 10000 --n 10000 --alpha 1e-6");
    assertEquals(0, r.status());
    assertEquals(Double.toString(Math.nextDown(Math.pow(1e-6, 1e-4))), r.lastLine());
    assertEquals("0.0", run("bound --count 0 --n 10 --alpha 0.05").lastLine());
  }

  @Test
  void thresholdsShowVotesAndCeiling() {
    Result r = run("thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 10000 --alpha 0.001"
        + " --points 1000 --no-class-split");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("9551"), r.out());
    assertTrue(r.out().contains("9973"), r.out());
    assertTrue(r.out().contains("largest certifiable radius is 2"), r.out());
    Result plain = run("thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --max-radius 3");
    assertTrue(plain.out().contains("0.944444444444445"), plain.out()); // 17/18 rounded up
    assertEquals(6, plain.out().strip().split("\n").length, plain.out());
  }

  @Test
  void aFarRadiusSearchIsFastOrRefusedInOneLine() {
    Result sure = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> run("radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 1 --max-radius 2000"));
    assertEquals(0, sure.status(), sure.err());
    assertTrue(sure.out().contains("radius is at least 2000 (the search stops at --max-radius)"), sure.out());
    Result far = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> run("radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 1 --max-radius 100000"));
    assertEquals(2, far.status());
    assertEquals("smoothcert radius: --max-radius must be in [0, 2000], got 100000", far.err().strip());
    L0Certificate nearChance = L0Certificate.of(0.5000000001, 2, 2);
    UserError slow = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(UserError.class,
        () -> RadiusCommand.searchWithin(nearChance, 0.999, 2000, 2_000_000_000L)));
    assertTrue(slow.getMessage().matches("--max-radius 2000: the search reached radius \\d+ in 2 s and was stopped"
        + " .*: give --max-radius \\d+ or less for an answer"), slow.getMessage());
  }

  @Test
  void whenTheSearchStopsBeforeTheCeilingThresholdsSaySo() {
    Result r = run("thresholds --beta 0.501 --feature-domain 2 --label-domain 2 --n 40 --alpha 0.01 --max-radius 3");
    assertEquals(0, r.status(), r.err());
    assertEquals("ceiling: a unanimous vote gives p_lower=0.8759397805, which certifies every radius up to 1000, where"
        + " the search stops", r.lastLine());
  }

  @Test
  void helpListsTheCommandsAndEachCommandItsOptions() {
    Result help = run("help");
    assertEquals(0, help.status(), help.err());
    for (String command : new String[] {"run", "certify", "sweep", "study", "radius", "bound", "thresholds", "data",
        "bench", "attack", "plot"}) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " missing from\n" + help.out());
    }
    Result runHelp = run("run --help");
    assertEquals(0, runHelp.status(), runHelp.err());
    for (String option : new String[] {"--config=FILE", "--set=KEY=VALUE", "--master=URL", "--out=DIR"}) {
      assertTrue(runHelp.out().contains(option), option + " missing from\n" + runHelp.out());
    }
    Result extractHelp = run("data extract --help");
    assertEquals(0, extractHelp.status(), extractHelp.err());
    assertTrue(extractHelp.out().startsWith("Usage: smoothcert data extract "), extractHelp.out());
    assertTrue(extractHelp.out().contains("--source-classes=C"), extractHelp.out());
  }

  @Test
  void withoutACommandTheUsageIsShownWithStatusTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.execute(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(2, status);
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: smoothcert "), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionIsOneLine() {
    Result version = run("--version");
    assertEquals(0, version.status(), version.err());
    assertTrue(version.out().startsWith("smoothcert ") && version.out().strip().split("\n").length == 1, version.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "radius --beta 1.5 --feature-domain 2 --label-domain 2 --p-lower 0.9 | --beta",
      "radius --beta 0 --feature-domain 2 --label-domain 2 --p-lower 0.9 | --beta",
      "radius --beta 0.4 --feature-domain 2 --label-domain 2 --p-lower 0.9 | --beta",
      "radius --beta 0.9 --feature-domain 1 --label-domain 2 --p-lower 0.9 | --feature-domain",
      "radius --beta 0.9 --feature-domain 2 --label-domain 1 --p-lower 0.9 | --label-domain",
      "radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 1.2 | --p-lower",
      "radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower -0.1 | --p-lower",
      "radius --beta 0.9 --feature-domain 2 --label-domain 2 | --p-lower",
      "radius --beta x --feature-domain 2 --label-domain 2 --p-lower 0.9 | --beta",
      "radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower 0.9 --typo 1 | --typo",
      "bound --count 11 --n 10 --alpha 0.05 | --count",
      "bound --count -1 --n 10 --alpha 0.05 | --count",
      "bound --count 1 --n 0 --alpha 0.05 | --n",
      "bound --count 1 --n 10 --alpha 1 | --alpha",
      "thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 100 | --alpha",
      "thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 100 --alpha 4.9e-324 | --alpha",
      "thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 100 --alpha 1e-306 --points 1000 | per bound,"
          + " below the smallest usable value",
      "bound --count 1 --n 10 --alpha 4.9e-324 | --alpha",
      "nonsense | unknown command 'nonsense' (expected one of run, certify,",
      "radius --beta 0.9 --beta 0.8 --feature-domain 2 --label-domain 2 --p-lower 0.9 | --beta",
      "radius --beta 0.9 --feature-domain 2 --label-domain 2 --p-lower | --p-lower",
      "bound --count 1 --n 10 --alpha 0.05 extra | 'extra'",
  })
  void badArgumentsGiveOneLineNamingTheArgumentAndStatusTwo(String line, String named) {
    Result r = run(line);
    assertEquals(2, r.status());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().contains(named), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
  }
}
