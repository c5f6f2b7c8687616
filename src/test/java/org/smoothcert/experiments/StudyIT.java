package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;

class StudyIT {
  @TempDir
  Path tmp;

  @Test
  void variantsTimesSeedsGiveOneRowPerVariantAndReuseTheirRuns() throws Exception {
    List<Study.Variant> variants = List.of(new Study.Variant("mlp", List.of()),
        new Study.Variant("logistic-l2", List.of("learner.hidden = 0", "learner.l2 = 0.5")));
    String first = study(variants);
    List<String> table = Files.readAllLines(tmp.resolve("study.csv"));
    assertEquals(5, table.size(), table.toString()); // header + 2 variants x 2 seeds
    assertTrue(table.get(3).startsWith("logistic-l2,\"logistic regression, L2=0.5, 30 it.\",0,"), table.get(3));
    List<String> md = Files.readAllLines(tmp.resolve("study.md"));
    assertEquals(6, md.size(), md.toString()); // the warning, a blank line, the table
    assertTrue(md.get(0).startsWith("> **Warning:** the variants were compared on test points"), md.get(0));
    assertTrue(Files.size(tmp.resolve("study.png")) > 1000);
    assertTrue(Files.exists(tmp.resolve("logistic-l2/seed-1/points.csv")));
    // The same variant and seed as a plain run give the same votes.
    Path plain = tmp.resolve("plain");
    List<String> sets = new java.util.ArrayList<>(SweepIT.SMALL);
    sets.addAll(List.of("learner.hidden = 0", "learner.l2 = 0.5", "data.seed = 1", "job.out=\"" + plain + "\""));
    CertifyRunIT.run("local[1]", sets);
    assertEquals(Files.readString(plain.resolve("points.csv")),
        Files.readString(tmp.resolve("logistic-l2/seed-1/points.csv")));
    // Run again: every slice is reused, the table is the same.
    assertEquals(first.lines().filter(l -> l.startsWith("mlp ")).toList(),
        study(variants).lines().filter(l -> l.startsWith("mlp ")).toList());
  }

  /**
   * A study that chooses: both variants on validation points of seeds 0 and 1, then only the chosen one on
   * the test points of seeds 2 and 3, as ordinary runs.
   */
  @Test
  void selectionRanksOnValidationPointsAndCertifiesOnlyTheChosenVariantOnTestPoints() throws Exception {
    List<Study.Variant> variants = List.of(new Study.Variant("h8", List.of()),
        new Study.Variant("logistic", List.of("learner.hidden = 0")));
    List<String> sets = new java.util.ArrayList<>(SweepIT.SMALL);
    sets.add("data.validation-size=30");
    Study.Result result = Study.select(null, sets, variants, new Study.Selection(List.of(0L, 1L), List.of(2L, 3L), 2),
        tmp.toString(), "local[2]", new Configuration());
    String chosen = result.selection().orElseThrow().chosen().name();
    String other = chosen.equals("h8") ? "logistic" : "h8";
    assertEquals(6, result.rows().size(), "2 variants x 2 selection seeds, then 1 x 2 test seeds");
    assertTrue(result.warning().isEmpty());

    var summary = new ObjectMapper().readTree(tmp.resolve("validation/" + other + "/seed-1/summary.json").toFile());
    assertEquals("validation", summary.get("certified_points").asText());
    assertEquals(30, summary.get("validation_points").asInt());
    assertEquals(30, summary.get("alpha").get("points").asInt(), "the Bonferroni count is the validation points'");
    assertTrue(summary.get("test_points") == null);
    assertEquals(31, Files.readAllLines(tmp.resolve("validation/" + other + "/seed-1/points.csv")).size());
    assertTrue(Files.exists(tmp.resolve("test/" + chosen + "/seed-3/points.csv")));
    assertTrue(!Files.exists(tmp.resolve("test/" + other)), "the other variant never meets a test point");

    assertEquals(5, Files.readAllLines(tmp.resolve("validation.csv")).size()); // header + 2 variants x 2 seeds
    List<String> test = Files.readAllLines(tmp.resolve("test.csv"));
    assertEquals(3, test.size(), test.toString());
    assertTrue(test.get(1).startsWith(chosen + ","), test.get(1));
    String selection = Files.readString(tmp.resolve("selection.md"));
    assertTrue(selection.contains("Chosen: **" + chosen + "**"), selection);
    assertTrue(selection.contains("on the 30 validation points of data seeds 0, 1"), selection);
    assertTrue(selection.contains("on the 60 test points of data seeds 2, 3, held out"), selection);

    // A test run is the ordinary run of its settings: the same votes, and it shares their checkpoints.
    Path plain = tmp.resolve("plain");
    List<String> plainSets = new java.util.ArrayList<>(SweepIT.SMALL);
    plainSets.addAll(variants.stream().filter(v -> v.name().equals(chosen)).findFirst().orElseThrow().sets());
    plainSets.addAll(List.of("data.seed = 3", "job.out=\"" + plain + "\""));
    CertifyRunIT.run("local[1]", plainSets);
    assertEquals(Files.readString(plain.resolve("points.csv")),
        Files.readString(tmp.resolve("test/" + chosen + "/seed-3/points.csv")));
    // A validation run's votes are never taken for a test run's.
    List<String> intoValidation = new java.util.ArrayList<>(SweepIT.SMALL);
    intoValidation.addAll(List.of("data.seed = 1", "job.out=\"" + tmp.resolve("validation/h8/seed-1") + "\""));
    UserError refused = assertThrows(UserError.class, () -> CertifyRunIT.run("local[1]", intoValidation));
    assertTrue(refused.getMessage().contains("data.certify-on is validation there"), refused.getMessage());
  }

  /** The study's table as {@code smoothcert study} prints it. */
  private String study(List<Study.Variant> variants) {
    Study.Result result = Study.execute(null, SweepIT.SMALL, variants, List.of(0L, 1L), tmp.toString(), "local[2]",
        new Configuration());
    assertEquals(4, result.rows().size());
    return result.report().console();
  }
}
