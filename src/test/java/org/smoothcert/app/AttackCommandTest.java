package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The attack command's own options fail before any data is read or Spark starts. */
class AttackCommandTest {
  @Test
  void budgetsAreMergedSortedAndDeduplicated() {
    assertEquals(List.of(1, 2, 5, 50), AttackCommand.budgets(List.of("5,1", "50", "2,5")));
    assertEquals(AttackCommand.DEFAULT_BUDGETS, AttackCommand.budgets(List.of()));
  }

  @Test
  void aTargetIsADigitOfTheRun() {
    assertEquals(0, AttackCommand.targetClass("1", List.of(1, 7)));
    assertEquals(1, AttackCommand.targetClass(null, List.of(1, 7)));
  }

  @Test
  void anAttackThatCheckedNoPointSaysTheCheckWasEmpty() {
    String empty = AttackCommand.violationsLine(0, 0);
    assertTrue(empty.contains("the check was empty"), empty);
    assertTrue(!empty.contains("violations: 0"), empty);
    assertEquals("certificate violations: 0 (of 12 attacked points whose certificate covers the attack)",
        AttackCommand.violationsLine(0, 12));
    assertTrue(AttackCommand.violationsLine(2, 12).startsWith("certificate violations: 2 (of 12 "));
    assertTrue(AttackCommand.violationsLine(2, 12).endsWith("listed in violations.csv"));
  }

  @Test
  void badOptionsAreOneLineUserErrors() {
    CliTest.Result budget = CliTest.run("attack --budget 0,2");
    assertEquals(Main.USAGE_ERROR, budget.status());
    assertEquals("smoothcert attack: --budget takes whole numbers >= 1 (e.g. --budget 1,2,5), got '0,2'\n", budget.err());
    CliTest.Result target = CliTest.run("attack --target 3 --set smoothing.classifiers=10");
    assertEquals("smoothcert attack: --target must be one of data.digits [1, 7], got '3'\n", target.err());
    assertEquals("smoothcert attack: Unknown options: '--budgets', '1' (did you mean --budget?)\n",
        CliTest.run("attack --budgets 1").err());
  }

  @Test
  void adaptiveOptionsAreCheckedBeforeAnyDataIsRead() {
    CliTest.Result budget = CliTest.run("attack --adaptive --budget 1");
    assertEquals(Main.USAGE_ERROR, budget.status());
    assertEquals("smoothcert attack: --budget and --target do not apply with --adaptive (each target's budgets run"
        + " from 1 to its certified radius + --beyond)\n", budget.err());
    assertEquals("smoothcert attack: --screen must be at least 2, got 1\n",
        CliTest.run("attack --adaptive --screen 1").err());
  }

  @Test
  void badNetsOptionsAreCheckedBeforeAnyDataIsRead() {
    assertEquals("smoothcert attack: --trigger-size and --poison apply only with --badnets\n",
        CliTest.run("attack --poison 5").err());
    assertEquals("smoothcert attack: --poison takes whole numbers >= 1 (e.g. --poison 1,2,5), got '0,3'\n",
        CliTest.run("attack --badnets --poison 0,3 --set smoothing.scheme=bagging --set smoothing.bag-size=10").err());
    CliTest.Result flip = CliTest.run("attack --badnets --poison 1");
    assertEquals(Main.USAGE_ERROR, flip.status());
    assertEquals("smoothcert attack: --badnets attacks the poisoned-example certificates (smoothing.scheme = bagging,"
        + " partition or bagflip); the flip noise's BadNets is the default harness's (smoothcert attack without"
        + " --badnets)\n", flip.err());
    assertEquals("smoothcert attack: --trigger-size 4 is not the certificate's certify.trigger-size = 1: bagflip"
        + " certifies a trigger of certify.trigger-size features; set both alike\n",
        CliTest.run("attack --badnets --trigger-size 4 --set smoothing.scheme=bagflip --set smoothing.bag-size=10"
            + " --set certify.trigger-size=1").err());
  }

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path tmp;

  @Test
  void anAttackOnAllTheTestPointsIsRefusedInOneLine() {
    String data = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";
    CliTest.Result r = CliTest.run("attack --badnets --out " + tmp.resolve("a") + " --set data.dir=\"" + data + "\""
        + " --set smoothing.scheme=bagging --set smoothing.bag-size=10 --set data.test-size=all");
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("data.test-size = all") && r.err().strip().split("\n").length == 1, r.err());
  }
}
