package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.app.Main;

/**
 * {@code smoothcert attack} end to end on a small setting where radius-1 certificates exist (N = 200,
 * alpha = 0.1): no certificate is contradicted, and a large-budget attack fools the undefended MLP more
 * than certified-budget attacks fool the smoothed classifier.
 */
class AttackRunIT {
  @TempDir
  static Path tmp;
  static Path dir;
  static String printed;
  /** attack.csv by attack name (kind-rBUDGET), each row by column name. */
  static Map<String, Map<String, String>> rows = new LinkedHashMap<>();

  @BeforeAll
  static void attack() throws Exception {
    dir = tmp.resolve("attack");
    String data = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";
    printed = execute("attack", "--master", "local[2]", "--budget", "1,50", "--out", dir.toString(),
        "--set", "data.dir=\"" + data + "\"", "--set", "data.train-size=40", "--set", "data.test-size=60",
        "--set", "smoothing.classifiers=200", "--set", "certify.alpha=0.1", "--set", "learner.hidden=8",
        "--set", "learner.max-iter=30", "--set", "learner.l2=0");
    List<String> lines = Files.readAllLines(dir.resolve("attack.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < fields.length; k++) {
        row.put(header.get(k), fields[k]);
      }
      rows.put(row.get("kind") + "-r" + row.get("budget"), row);
    }
  }

  /** Runs a command line in this JVM and returns what it printed; a non-zero status fails with its errors. */
  static String execute(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  static double number(String attack, String column) {
    return Double.parseDouble(rows.get(attack).get(column));
  }

  @Test
  void everyAttackThatFitsItsBudgetIsRunAndReported() throws Exception {
    assertEquals(List.of("none-r0", "label-flip-r1", "test-pixels-r1", "test-pixels-r50", "badnets-r50"),
        List.copyOf(rows.keySet()), "the baseline first; T = 40 has too few victim-class images for 50 label flips");
    for (String attack : rows.keySet().stream().skip(1).toList()) {
      assertTrue(number(attack, "cost") <= number(attack, "budget"), attack);
      assertTrue(Files.size(dir.resolve(attack).resolve("points.csv")) > 0, attack);
    }
    for (String name : List.of("attack.png", "attack.svg", "clean/points.csv", "clean/summary.json")) {
      assertTrue(Files.size(dir.resolve(name)) > 0, name);
    }
  }

  @Test
  void noCertificateIsContradicted() throws Exception {
    assertTrue(number("label-flip-r1", "covered_points") > 0, "the check must cover radius-1 certificates");
    assertTrue(number("test-pixels-r1", "covered_points") > 0, "the check must cover radius-1 certificates");
    for (String attack : rows.keySet()) {
      assertEquals(0, number(attack, "violations"), attack);
    }
    assertEquals(1, Files.readAllLines(dir.resolve("violations.csv")).size(), "only the header");
    assertTrue(printed.contains("certificate violations: 0"), printed);
  }

  @Test
  void aLargeBudgetFoolsTheUndefendedMlpMoreThanACertifiedBudgetFoolsTheSmoothedClassifier() {
    double undefendedLarge = Math.max(number("test-pixels-r50", "undefended_success"),
        number("badnets-r50", "undefended_success"));
    double smoothedCertified = Math.max(number("label-flip-r1", "smoothed_success"),
        number("test-pixels-r1", "smoothed_success"));
    assertTrue(undefendedLarge > smoothedCertified + 0.3, undefendedLarge + " vs " + smoothedCertified);
  }
}
