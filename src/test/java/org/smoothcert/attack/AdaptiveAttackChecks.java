package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smoothcert attack --adaptive} end to end on a small setting where radius-1 certificates exist
 * (N = 200, alpha = 0.1), for the learner a subclass chooses: the attacks change predictions the
 * certificates do not cover, never one they do, and every target's empirical radius lies above its
 * certified radius.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdaptiveAttackChecks {
  Path dir;
  String printed;
  List<Map<String, String>> attacks;
  List<Map<String, String>> radii;

  /** The {@code --set} options choosing the learner (none: the default learner). */
  abstract List<String> learner();

  @BeforeAll
  void attack(@TempDir Path tmp) throws Exception {
    dir = tmp.resolve("adaptive");
    String data = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";
    List<String> argv = new ArrayList<>(List.of("attack", "--adaptive", "--master", "local[2]", "--out",
        dir.toString(), "--targets", "3", "--beyond", "4", "--flips", "2", "--screen", "100", "--set",
        "data.dir=\"" + data + "\"", "--set", "data.train-size=40", "--set", "data.test-size=60", "--set",
        "smoothing.classifiers=200", "--set", "certify.alpha=0.1"));
    argv.addAll(learner());
    printed = AttackRunIT.execute(argv.toArray(String[]::new));
    attacks = csv(dir.resolve("attack.csv"));
    radii = csv(dir.resolve("empirical-radius.csv"));
  }

  static List<Map<String, String>> csv(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < fields.length; k++) {
        row.put(header.get(k), fields[k]);
      }
      rows.add(row);
    }
    return rows;
  }

  Map<String, String> attack(String name, int budget) {
    return attacks.stream().filter(r -> r.get("attack").equals(name) && r.get("budget").equals(String.valueOf(budget)))
        .findFirst().orElseThrow(() -> new AssertionError(name + " at " + budget + " in " + attacks));
  }

  @Test
  void noCertificateIsContradictedThoughTheAttacksCoverCertifiedPoints() throws Exception {
    assertTrue(Double.parseDouble(attack("adaptive-pixels", 1).get("covered_points")) > 0, "radius-1 points checked");
    assertTrue(Double.parseDouble(attack("adaptive", 1).get("covered_points")) > 0, "radius-1 targets checked");
    for (Map<String, String> row : attacks) {
      assertEquals("0", row.get("violations"), row.toString());
    }
    assertEquals(1, Files.readAllLines(dir.resolve("violations.csv")).size(), "only the header");
    assertTrue(printed.contains("certificate violations: 0"), printed);
  }

  @Test
  void theAttacksChangePredictionsWhereSomePointsAreCertified() {
    Map<String, String> baseline = attack("none", 0);
    Map<String, String> adaptive = attack("adaptive", 1);
    assertTrue(Double.parseDouble(adaptive.get("changed_share"))
        > Double.parseDouble(adaptive.get("baseline_changed_share")), adaptive.toString());
    assertTrue(Double.parseDouble(attack("adaptive-pixels", 4).get("changed"))
        > Double.parseDouble(baseline.get("changed")), attacks.toString());
  }

  @Test
  void everyTargetsEmpiricalRadiusLiesAboveItsCertifiedRadius() throws Exception {
    assertEquals(6, radii.size(), "3 targets at radius 0 and 3 at radius 1");
    int found = 0;
    for (Map<String, String> row : radii) {
      int certified = Integer.parseInt(row.get("certified_radius"));
      assertEquals(String.valueOf(certified + 4), row.get("largest_budget_tried"), row.toString());
      if (!row.get("empirical_radius").isEmpty()) {
        found++;
        assertTrue(Integer.parseInt(row.get("empirical_radius")) > certified, row.toString());
      }
    }
    assertTrue(found >= 3, "the radius-0 targets change: " + radii);
    for (String name : List.of("radius.png", "radius.svg", "timings.csv", "clean/points.csv")) {
      assertTrue(Files.size(dir.resolve(name)) > 0, name);
    }
  }
}
