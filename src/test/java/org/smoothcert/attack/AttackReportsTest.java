package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.Certificate;
import org.smoothcert.data.Examples;

class AttackReportsTest {
  private static final Examples TWO = new Examples(2, 1, 2, 2, new byte[2], new byte[] {0, 1});
  private static final Attack FLIP = new Attack(new Attack.Aim(AttackKind.LABEL_FLIP, 1, 1),
      new Attack.Reach(1, 0), new Attack.Sets(TWO, TWO),
      new AttackCost(0, 1, new int[2]));
  private static final Attack BADNETS = new Attack(new Attack.Aim(AttackKind.BADNETS, 10, 1),
      new Attack.Reach(2, 2), new Attack.Sets(TWO, TWO),
      new AttackCost(4, 2, new int[] {2, 1}));
  private static final Certificate CLEAN = new Certificate(0, 1, new Certificate.TopClass(0, 999), new Certificate.Bounds(0.99, 0.01));
  private static final Certificate FLIPPED = new Certificate(1, 1, new Certificate.TopClass(1, 990), new Certificate.Bounds(0.98, 0.02));
  private static final List<AttackResult> RESULTS = List.of(
      new AttackResult(FLIP, new AttackResult.Success(1, 0.25, 0.0), new AttackResult.Coverage(1, 1,
          List.of(new Violation(FLIP, new Violation.Site(0, 0, 1), CLEAN, FLIPPED)), -0.25),
          new AttackResult.Changes(0.5, 0.5)),
      new AttackResult(BADNETS, new AttackResult.Success(1, 0.75, 0.5),
          new AttackResult.Coverage(0, 0, List.of(), Double.NaN), new AttackResult.Changes(0.0, 1.0)));

  @Test
  void attackCsvHasOneRowPerAttackWithItsCostSplit() {
    String[] lines = AttackCsv.attacks(RESULTS, 1, 0.125, 0.0).split("\n");
    assertEquals(4, lines.length);
    assertEquals("none,0,0,0,0,0,0,0,1,1,0.125,0.0,,0,0,0.0,0.0,", lines[1], "the baseline without attack");
    assertEquals("label-flip,1,1,0,1,0,1,0,1,1,0.25,0.0,1,1,1,0.5,0.5,-0.25", lines[2]);
    assertEquals("badnets,10,8,4,2,2,2,2,1,1,0.75,0.5,0,0,0,0.0,1.0,", lines[3],
        "cost 4 + 2 + the 2 test pixels of point 0; no covered point, no vote shift");
  }

  @Test
  void violationsCsvListsEachContradictedCertificate() {
    String[] lines = AttackCsv.violations(RESULTS, new int[] {123, 456}).split("\n");
    assertEquals(2, lines.length);
    assertEquals("label-flip-r1,0,123,0,1,0,1,0.99,1,1,990,0.98", lines[1]);
  }

  @Test
  void anAttackThatCoveredNoPointSaysItCheckedNothing() {
    assertTrue(AttackTable.line(RESULTS.get(0)).endsWith("1 points covered by their clean certificate, 1 violations"),
        AttackTable.line(RESULTS.get(0)));
    String empty = AttackTable.line(RESULTS.get(1));
    assertTrue(empty.endsWith("no point covered by its clean certificate: nothing checked"), empty);
  }

  @Test
  void thePlotNamesTheUndefendedLearnerAsItIs() {
    String svg = new AttackPlot("subtitle", RESULTS, List.of(1, 10), new double[] {0.6, 0.1})
        .undefendedLearner("logistic regression").svg();
    assertTrue(svg.contains("label-flip: undefended logistic regression"), svg);
    assertTrue(!svg.contains("undefended MLP"), svg);
  }

  @Test
  void thePlotNamesEveryLineAndBudget() {
    String svg = new AttackPlot("subtitle", RESULTS, List.of(1, 10), new double[] {0.6, 0.1}).svg();
    for (String text : List.of("label-flip: undefended MLP", "badnets: smoothed", "victims certified at radius", ">10<")) {
      assertTrue(svg.contains(text), text);
    }
  }
}
