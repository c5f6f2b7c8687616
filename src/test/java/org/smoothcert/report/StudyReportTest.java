package org.smoothcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyReportTest {
  private final StudyReport report = new StudyReport(2);

  StudyReportTest() {
    report.add(studyRun("a", "MLP H=8 sigmoid", 0, new double[] {0.9, 0.5, 0.1},
        new double[] {0.95, 0.55, 0.12}, 0.93, 10, "runs/a/seed-0"));
    report.add(studyRun("a", "MLP H=8 sigmoid", 1, new double[] {0.8, 0.3},
        new double[] {0.85, 0.35}, 0.91, 14, "runs/a/seed-1"));
    report.add(studyRun("b", "logistic regression", 0, new double[] {0.7},
        new double[] {0.7}, 0.9, 2, "runs/b/seed-0"));
  }

  @Test
  void summaryGivesMeanAndRangeOverSeedsWithRadiiBeyondACurveAsZero() {
    List<String> lines = report.summary().lines().toList();
    assertEquals("variant,learner,seeds,statistic,certified_accuracy_r0,certified_accuracy_r1,"
        + "certified_accuracy_r2,reaching_r1,reaching_r2,base_accuracy,ms_per_classifier", lines.get(0));
    String[] mean = lines.get(1).split(",");
    assertEquals("a", mean[0]);
    assertEquals("2", mean[2]);
    assertEquals("mean", mean[3]);
    assertEquals(0.85, Double.parseDouble(mean[4]), 1e-12);
    assertEquals(0.4, Double.parseDouble(mean[5]), 1e-12);
    assertEquals(0.05, Double.parseDouble(mean[6]), 1e-12); // seed 1 has no r = 2: 0
    assertEquals(12.0, Double.parseDouble(mean[10]), 1e-12);
    assertTrue(lines.get(2).contains(",min,0.8,0.3,0.0,"), lines.get(2));
    assertEquals(7, lines.size()); // header + 3 statistics x 2 variants
  }

  @Test
  void markdownShowsPercentMeanWithRangeAndOneRowPerVariant() {
    List<String> lines = report.markdown().lines().toList();
    assertEquals(4, lines.size());
    assertEquals("| a | MLP H=8 sigmoid | 2 | 85.0 (80.0-90.0) | 40.0 (30.0-50.0) | 5.0 (0.0-10.0) "
        + "| 45.0 (35.0-55.0) | 6.0 (0.0-12.0) | 92.0 (91.0-93.0) | 12.0 |", lines.get(2));
    assertEquals("| b | logistic regression | 1 | 70.0 | 0.0 | 0.0 | 0.0 | 0.0 | 90.0 | 2.0 |", lines.get(3));
  }

  @Test
  void tableHasOneRowPerRun() {
    assertEquals(4, report.table().lines().count());
    assertTrue(report.table().contains("b,\"logistic regression\",0,0.7,0.0,0.0,0.0,0.0,0.9,2.0,runs/b/seed-0"));
  }

  @Test
  void bySeedHasOneRowPerRunAndEachVariantsMean() {
    List<String> lines = report.bySeed().lines().toList();
    assertEquals("| variant | seed | r=0 | r=1 | r=2 | base acc. | ms / classifier |", lines.get(0));
    assertEquals("| a | 1 | 80.0 | 30.0 | 0.0 | 91.0 | 14.0 |", lines.get(3));
    assertEquals("| a | mean | 85.0 | 40.0 | 5.0 | 92.0 | 12.0 |", lines.get(4));
    assertEquals("| b | mean | 70.0 | 0.0 | 0.0 | 90.0 | 2.0 |", lines.get(6));
    assertEquals(7, lines.size());
  }

  @Test
  void selectionSaysWhatWasChosenByWhichRuleOnWhichSeedsAndTheTestResult() {
    List<StudyReport.Variant> ranking = List.of(report.variants().get(1), report.variants().get(0));
    StudyReport test = new StudyReport(2);
    test.add(studyRun("b", "logistic regression", 5, new double[] {0.6, 0.2}, new double[] {0.6, 0.2},
        0.88, 2, "runs/test/b/seed-5"));
    SelectionReport selection = new SelectionReport(new SelectionReport.Rule("the best at radius 2.", 2),
        new SelectionReport.Points(List.of(0L, 1L), 50), ranking,
        new SelectionReport.Tested(new SelectionReport.Points(List.of(5L), 60), test));
    String md = selection.markdown();
    assertEquals("b", selection.chosen().name());
    assertTrue(md.contains("Chosen: **b** (logistic regression), on the 50 validation points of data seeds 0, 1"), md);
    assertTrue(md.contains("Rule: the best at radius 2."), md);
    assertTrue(md.contains("| 1 | b | logistic regression | 0.0 | 0.0 | 90.0 |\n"
        + "| 2 | a | MLP H=8 sigmoid | 5.0 | 40.0 | 92.0 |"), md);
    assertTrue(md.contains("on the 60 test points of data seed 5, held out"), md);
    assertTrue(md.contains("| b | mean | 60.0 | 20.0 | 0.0 | 88.0 | 2.0 |"), md);
  }

  private static StudyReport.Run studyRun(String variant, String description, long seed, double[] curve,
      double[] certifiedShare, double baseAccuracy, double msPerClassifier, String directory) {
    return new StudyReport.Run(new StudyReport.Named(variant, description, seed),
        new StudyReport.Curves(curve, certifiedShare), new StudyReport.Figures(baseAccuracy, msPerClassifier),
        directory);
  }
}
