package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.Certificate;

class AdaptiveReportsTest {
  private static final Certificate CLEAN = new Certificate(0, 1, new Certificate.TopClass(0, 980), new Certificate.Bounds(0.96, 0.04));
  private static final Certificate FLIPPED = new Certificate(1, 0, new Certificate.TopClass(1, 700), new Certificate.Bounds(0.66, 0.34));
  private static final RowOutcome BREAKING = new RowOutcome(new RowOutcome.Copy("flips-1-2", 3, 4, 0.25),
      new RowOutcome.Changes(2, 0, 4), new RowOutcome.Smoothed(CLEAN, FLIPPED, new RowOutcome.Votes(980, 300, 1000)),
      new RowOutcome.Undefended(0, 1));
  private static final List<AdaptiveSummary.Radius> RADII = List.of(
      new AdaptiveSummary.Radius(new AdaptiveSearch.Target(3, new AdaptiveSearch.Target.Clean(0, 1, 980), 11), BREAKING, 11),
      new AdaptiveSummary.Radius(new AdaptiveSearch.Target(5, new AdaptiveSearch.Target.Clean(1, 2, 999), 12), null, 12));

  @Test
  void empiricalRadiusCsvHasOneRowPerTargetAndLeavesTheRadiusEmptyWhereNothingChanged() {
    String[] lines = AdaptiveCsv.radii(RADII, new int[] {10, 11, 12, 13, 14, 15}, new int[] {0, 0, 0, 0, 1, 1})
        .split("\n");
    assertEquals("index,source_index,true_label,clean_label,clean_votes,certified_radius,empirical_radius,"
        + "largest_budget_tried,gap,training_labels,test_pixels,attacked_label,attacked_votes,screened_share", lines[0]);
    assertEquals("3,13,0,0,980,1,6,11,5,2,4,1,300,0.250000", lines[1], "2 labels + 4 pixels changed it");
    assertEquals("5,15,1,1,999,2,,12,,,,,,", lines[2]);
  }

  @Test
  void attackCsvStartsWithTheBaselineAndLeavesAMissingShiftEmpty() {
    List<AdaptiveSummary.Family> families = List.of(
        family("none", 0, new AdaptiveSummary.Family.Cost(0, 0, 0, 0), new AdaptiveSummary.Family.Changes(1000,
            new AdaptiveSummary.Family.Smoothed(3, 0.003), new AdaptiveSummary.Family.Uncertified(2, 0), 0),
            new AdaptiveSummary.Family.Coverage(0, Double.NaN, 0)),
        family("adaptive-pixels", 1, new AdaptiveSummary.Family.Cost(1, 0, 0, 1),
            new AdaptiveSummary.Family.Changes(1000, new AdaptiveSummary.Family.Smoothed(40, 0.003),
                new AdaptiveSummary.Family.Uncertified(130, 39), 12),
            new AdaptiveSummary.Family.Coverage(870, -0.0125, 0)));
    String[] lines = AdaptiveCsv.attacks(families).split("\n");
    assertEquals("none,0,0,0,0,0,1000,3,0.003000,0.003000,2,0,0.000000,0,0.000000,0,,0", lines[1]);
    assertEquals("adaptive-pixels,1,1,0,0,1,1000,40,0.040000,0.003000,130,39,0.300000,12,0.012000,870,-0.012500,0",
        lines[2]);
    String table = AdaptiveTable.attacks(families);
    assertTrue(table.contains("adaptive-pixels"), table);
    assertTrue(table.contains("39/130"), table);
    assertTrue(table.contains("-1.3%"), table);
  }

  @Test
  void violationsCsvListsOnlyCopiesChangedWithinTheirRadius() {
    RowOutcome covered = new RowOutcome(new RowOutcome.Copy("pixels", 2, 1, Double.NaN),
        new RowOutcome.Changes(0, 0, 1), new RowOutcome.Smoothed(CLEAN, FLIPPED, new RowOutcome.Votes(980, 300, 1000)),
        new RowOutcome.Undefended(0, 0));
    String[] lines = AdaptiveCsv.violations(List.of(BREAKING, covered), new int[] {0, 1, 22, 33}).split("\n");
    assertEquals(2, lines.length, "the 6-cost copy is beyond radius 1");
    assertEquals("pixels,2,22,1,0,1,0,1,980,1,300", lines[1]);
  }

  @Test
  void theGapTableAndThePictureNameEveryRadius() {
    String gaps = AdaptiveTable.gaps(RADII);
    assertTrue(gaps.contains("r=1"), gaps);
    assertTrue(gaps.contains("6/6/6"), gaps);
    assertTrue(gaps.contains("5/5/5"), gaps);
    String svg = new RadiusPlot("subtitle", RADII).svg();
    for (String text : List.of("certified r=1", "certified r=2", "unchanged", "a mark on or below it would be a violation",
        "gap = empirical - certified radius")) {
      assertTrue(svg.contains(text), text);
    }
  }

  private static AdaptiveSummary.Family family(String attack, int budget, AdaptiveSummary.Family.Cost largest,
      AdaptiveSummary.Family.Changes changes, AdaptiveSummary.Family.Coverage coverage) {
    return new AdaptiveSummary.Family(new AdaptiveSummary.Family.Aim(attack, budget), largest, changes, coverage);
  }
}
