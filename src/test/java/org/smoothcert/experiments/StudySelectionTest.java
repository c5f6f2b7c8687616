package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.report.StudyReport;

/** How a study chooses its variant: the seeds it may use, and the ranking rule. */
class StudySelectionTest {
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      "0,1 | 1,2 | --test-seeds and --select-seeds share data seed(s) [1]: the test runs must take no part",
      "''  | 2   | --select-seeds needs at least one data seed",
      "0   | ''  | --test-seeds needs at least one data seed",
      "0,0 | 2   | --select-seeds names a data seed twice: [0, 0]",
  })
  void seedsMustBeGivenOnceAndTheTestSeedsHeldOut(String select, String test, String message) {
    UserError e = assertThrows(UserError.class, () -> new Study.Selection(seeds(select), seeds(test), 2));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aSelectionWithoutOrWithUnequalValidationExamplesIsRefusedBeforeAnyRun(@TempDir Path tmp) {
    Path out = tmp.resolve("study");
    UserError e = assertThrows(UserError.class, () -> Study.select(null, List.of(), List.of(new Study.Variant("a",
        List.of())), new Study.Selection(List.of(0L), List.of(1L), 2), out.toString(), "local[1]",
        new Configuration()));
    assertEquals("variant a: data.certify-on = validation needs data.validation-size above 0: the validation examples"
        + " are the points certified", e.getMessage());
    assertFalse(Files.exists(out));
    e = assertThrows(UserError.class, () -> Study.select(null, List.of(), List.of(
        new Study.Variant("a", List.of("data.validation-size = 10")),
        new Study.Variant("b", List.of("data.validation-size = 20"))),
        new Study.Selection(List.of(0L), List.of(1L), 2), out.toString(), "local[1]", new Configuration()));
    assertTrue(e.getMessage().startsWith("the variants certify [10, 20] validation points"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void theRankRadiusIsARadius() {
    UserError e = assertThrows(UserError.class, () -> new Study.Selection(List.of(0L), List.of(1L), -1));
    assertEquals("--rank-radius must be at least 0, got -1", e.getMessage());
  }

  @Test
  void variantsAreRankedByTheRankRadiusThenRadiusOneThenBaseAccuracyThenTheirOrder() {
    StudyReport report = new StudyReport(2);
    run(report, "low-at-2", 0.9, 0.9, 0.1, 0.99);
    run(report, "tie-low-r1", 0.9, 0.5, 0.4, 0.9);
    run(report, "tie-high-r1-low-base", 0.9, 0.6, 0.4, 0.8);
    run(report, "tie-high-r1-high-base", 0.9, 0.6, 0.4, 0.85);
    run(report, "same-as-previous", 0.9, 0.6, 0.4, 0.85);
    // Two seeds: the mean decides (0.5 and 0.2 at r=2 average 0.35, below 0.4).
    run(report, "mean-of-two", 0.9, 0.9, 0.5, 0.9);
    run(report, "mean-of-two", 0.9, 0.9, 0.2, 0.9);
    assertEquals(List.of("tie-high-r1-high-base", "same-as-previous", "tie-high-r1-low-base", "tie-low-r1",
        "mean-of-two", "low-at-2"), names(Study.rank(report.variants(), 2)));
    assertEquals("low-at-2", names(Study.rank(report.variants(), 0)).get(0), "r=0 ties, then r=1, then base");
    assertTrue(Study.rule(2).startsWith("the highest mean certified accuracy at radius 2"), Study.rule(2));
  }

  @Test
  void rankedAtRadiusOneTiesAreBrokenByRadiusZeroNotByRadiusOneAgain() {
    StudyReport report = new StudyReport(2);
    run(report, "tie-high-base", 0.5, 0.4, 0.0, 0.9);
    run(report, "tie-high-r0", 0.8, 0.4, 0.0, 0.7);
    run(report, "best-at-1", 0.1, 0.6, 0.0, 0.1);
    assertEquals(List.of("best-at-1", "tie-high-r0", "tie-high-base"), names(Study.rank(report.variants(), 1)));
    assertTrue(Study.rule(1).contains("ties broken by radius 0, then base accuracy"), Study.rule(1));
    assertTrue(Study.rule(2).contains("ties broken by radius 1, then base accuracy"), Study.rule(2));
  }

  private static void run(StudyReport report, String variant, double r0, double r1, double r2, double base) {
    report.add(new StudyReport.Run(new StudyReport.Named(variant, "learner of " + variant, report.variants().size()),
        new StudyReport.Curves(new double[] {r0, r1, r2}, new double[] {r0, r1, r2}),
        new StudyReport.Figures(base, 1), "runs/" + variant));
  }

  private static List<String> names(List<StudyReport.Variant> variants) {
    return variants.stream().map(StudyReport.Variant::name).toList();
  }

  private static List<Long> seeds(String text) {
    return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(",")).map(Long::valueOf).toList();
  }
}
