package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.Certificate;
import org.smoothcert.data.Examples;

/** Counting the adaptive attack's outcomes: changes, covered copies, violations and empirical radii, exactly. */
class AdaptiveSummaryTest {
  private static final Examples TRAIN = new Examples(1, 1, 2, 2, new byte[1], new byte[1]);
  private static final Certificate R0 = new Certificate(0, 0, new Certificate.TopClass(0, 600), new Certificate.Bounds(0.55, 0.45));
  private static final Certificate R1 = new Certificate(1, 1, new Certificate.TopClass(1, 980), new Certificate.Bounds(0.96, 0.04));
  private static final Certificate SAME_0 = new Certificate(0, 0, new Certificate.TopClass(0, 590), new Certificate.Bounds(0.54, 0.46));
  private static final Certificate ABSTAIN = new Certificate(-1, -1, new Certificate.TopClass(1, 510), new Certificate.Bounds(0.47, 0.53));
  private static final Certificate SAME_1 = new Certificate(1, 0, new Certificate.TopClass(1, 900), new Certificate.Bounds(0.88, 0.12));

  private static final List<AdaptiveSearch.Level> LEVELS = List.of(
      level("pixels", -1, 0), level("flips-7-1", 1, 1));
  private static final List<AdaptiveSearch.Target> TARGETS = List.of(
      target(0, 0, 0, 600, 3), target(1, 1, 1, 980, 4));

  private static RowOutcome row(String level, int point, int labels, int pixels, Certificate clean,
      Certificate attacked, long attackedVotes) {
    return new RowOutcome(new RowOutcome.Copy(level, point, pixels, Double.NaN),
        new RowOutcome.Changes(labels, 0, pixels),
        new RowOutcome.Smoothed(clean, attacked, new RowOutcome.Votes(clean.topVotes(), attackedVotes, 1000)),
        new RowOutcome.Undefended(0, pixels > 1 ? 1 : 0));
  }

  /** Point 0 (radius 0) changes at 1 pixel; point 1 (radius 1) holds at 1 pixel and 1 label, abstains at 1 + 2. */
  private static final List<RowOutcome> OUTCOMES = List.of(
      row("pixels", 0, 0, 0, R0, SAME_0, 590),
      row("pixels", 1, 0, 0, R1, R1, 975),
      row("pixels", 0, 0, 1, R0, SAME_1, 400),
      row("pixels", 1, 0, 1, R1, SAME_1, 900),
      row("pixels", 1, 0, 2, R1, SAME_1, 800),
      row("flips-7-1", 0, 1, 0, R0, SAME_0, 580),
      row("flips-7-1", 1, 1, 0, R1, SAME_1, 930),
      row("flips-7-1", 1, 1, 2, R1, ABSTAIN, 510));

  @Test
  void eachAttackAndBudgetCountsItsChangesAgainstTheCleanCopiesBaseline() {
    List<AdaptiveSummary.Family> families = AdaptiveSummary.families(OUTCOMES, LEVELS, TARGETS, 2,
        c -> List.of("1", "7").get(c));
    assertEquals(List.of("none-0", "adaptive-pixels-1", "adaptive-pixels-2", "label-flips-7-1", "adaptive-all-1",
        "adaptive-all-2", "adaptive-1", "adaptive-2", "adaptive-3", "adaptive-4"),
        families.stream().map(f -> f.attack() + "-" + f.budget()).toList());
    AdaptiveSummary.Family none = families.get(0);
    assertEquals(0, none.changed());
    AdaptiveSummary.Family pixels1 = families.get(1);
    assertEquals(2, pixels1.points());
    assertEquals(1, pixels1.changed(), "point 0 went to class 1");
    assertEquals(1, pixels1.covered(), "point 1 (radius 1) covers its 1-pixel copy");
    assertEquals(-0.08, pixels1.coveredVoteShift(), 1e-12, "980 -> 900 of 1000");
    assertEquals(0, pixels1.violations());
    assertEquals(1, pixels1.uncertified(), "point 0 is not certified at radius 1");
    assertEquals(1, pixels1.uncertifiedChanged());
    assertEquals(1, families.get(2).points(), "only point 1 has a 2-pixel copy");
    assertEquals(0, families.get(2).covered(), "cost 2 is beyond radius 1");
    AdaptiveSummary.Family flips = families.get(3);
    assertEquals(1, flips.cost());
    assertEquals(1, flips.trainingLabels());
    assertEquals(2, flips.points());
    assertEquals(0, flips.changed());
    assertEquals(1, flips.covered());
    AdaptiveSummary.Family all1 = families.get(4);
    assertEquals(2, all1.points());
    assertEquals(1, all1.changed(), "point 0's 1-pixel copy; point 1's copies of cost 1 held");
    assertEquals(1, all1.covered());
    AdaptiveSummary.Family all2 = families.get(5);
    assertEquals(2, all2.uncertified(), "neither point is certified at radius 2");
    assertEquals(1, all2.uncertifiedChanged(), "point 1 changes only at cost 3");
    assertEquals(0.5, all2.uncertifiedChangedShare());
    AdaptiveSummary.Family adaptive3 = families.get(8);
    assertEquals(2, adaptive3.points());
    assertEquals(2, adaptive3.changed(), "point 1 abstains at 1 label + 2 pixels");
    assertEquals(1, adaptive3.covered());
    assertEquals(-0.08, adaptive3.coveredVoteShift(), 1e-12, "the strongest covered copy of point 1");
    assertEquals(1, families.get(9).points(), "only point 1's budgets reach 4");
  }

  @Test
  void theEmpiricalRadiusIsTheSmallestCostThatChangedThePrediction() {
    List<AdaptiveSummary.Radius> radii = AdaptiveSummary.radii(OUTCOMES, TARGETS);
    assertEquals(1, radii.get(0).empirical());
    assertEquals(3, radii.get(1).empirical(), "an abstention under attack counts as a change");
    assertEquals(3, radii.get(1).largestBudgetTried());
    List<AdaptiveSummary.Radius> held = AdaptiveSummary.radii(OUTCOMES.subList(0, 7), TARGETS);
    assertFalse(held.get(1).found());
    assertNull(held.get(1).breaking());
    assertEquals(2, held.get(1).largestBudgetTried());
  }

  @Test
  void aChangeWithinTheCertifiedRadiusIsAViolation() {
    RowOutcome broken = row("pixels", 1, 0, 1, R1, SAME_0, 100);
    assertTrue(broken.covered());
    assertTrue(broken.violation());
    List<AdaptiveSummary.Family> families = AdaptiveSummary.families(List.of(broken, OUTCOMES.get(0)), LEVELS,
        TARGETS, 1, c -> "d" + c);
    assertEquals(1, families.get(1).violations());
    assertFalse(row("pixels", 1, 0, 2, R1, SAME_0, 100).violation(), "cost 2 is beyond radius 1");
    assertFalse(row("pixels", 1, 0, 0, R1, SAME_0, 100).covered(), "a copy that changed nothing costs 0");
  }

  private static AdaptiveSearch.Level level(String name, int flipClass, int flips) {
    return new AdaptiveSearch.Level(name, new AdaptiveSearch.Level.Step(flipClass, flips),
        new AdaptiveSearch.Level.Voted(TRAIN, List.of()), new AdaptiveSearch.Level.Timing(0, 0));
  }

  private static AdaptiveSearch.Target target(int point, int cleanClass, int radius, long votes, int largestBudget) {
    return new AdaptiveSearch.Target(point, new AdaptiveSearch.Target.Clean(cleanClass, radius, votes), largestBudget);
  }
}
