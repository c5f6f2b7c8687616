package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void badOptionsAreOneLineUserErrors() {
    CliTest.Result budget = CliTest.run("attack --budget 0,2");
    assertEquals(Main.USAGE_ERROR, budget.status());
    assertEquals("smoothcert attack: --budget takes whole numbers >= 1 (e.g. --budget 1,2,5), got '0,2'\n", budget.err());
    CliTest.Result target = CliTest.run("attack --target 3 --set smoothing.classifiers=10");
    assertEquals("smoothcert attack: --target must be one of data.digits [1, 7], got '3'\n", target.err());
    assertEquals("smoothcert attack: Unknown options: '--budgets', '1' (did you mean --budget?)\n",
        CliTest.run("attack --budgets 1").err());
  }
}
