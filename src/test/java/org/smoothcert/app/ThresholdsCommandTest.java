package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Reports;

/**
 * {@code thresholds} plans what a run does: the same alpha split (class split, runner-up bound, two-sample
 * n0) and the same votes needed as the run's own certificate line prints for the same settings.
 */
class ThresholdsCommandTest {
  private static final Pattern RUN_VOTES = Pattern.compile("r=(\\d+): ([\\d,]+)(?:-([\\d,]+))?");
  private static final Pattern RUN_NEEDS = Pattern.compile("\\(radius (\\d+) needs ([\\d,]+)\\)");
  private static final Pattern PLAN_NEEDS = Pattern.compile("radius (\\d+) needs N >= (\\d+)");

  @ParameterizedTest(name = "{0} classes, n0 = {1}, N = {2}")
  @CsvSource({"2, 0, 10000", "3, 0, 10000", "10, 0, 10000", "10, 0, 500", "2, 100, 10000", "10, 100, 10000"})
  void thresholdsAgreesWithTheRun(int classes, int n0, int n) {
    RunConfig config = RunConfig.defaults()
        .with(ConfigKeys.DIGITS, IntStream.range(0, classes).boxed().toList())
        .with(ConfigKeys.CLASSIFIERS, (long) n)
        .with(ConfigKeys.SELECTION_CLASSIFIERS, n0);
    String run = Reports.ceiling(config, 2, config.data().trainSize());
    String line = "thresholds --beta 0.9 --feature-domain 2 --label-domain " + classes + " --n " + n
        + " --alpha 0.001 --points 1000" + (classes > 2 ? " --runner-up" : "") + (n0 > 0 ? " --n0 " + n0 : "");
    CliTest.Result plan = CliTest.run(line);
    assertEquals(0, plan.status(), plan.err());

    // Each radius's votes needed: one number, or from spread to concentrated other votes with the runner-up bound.
    List<String> runVotes = new ArrayList<>();
    Matcher m = RUN_VOTES.matcher(run.substring(run.indexOf("votes needed")));
    while (m.find()) {
      runVotes.add(m.group(1) + " " + m.group(2).replace(",", "") + (m.group(3) == null ? "" : " " + m.group(3).replace(",", "")));
    }
    List<String> planVotes = new ArrayList<>();
    for (String row : plan.out().split("\n")) {
      String[] cells = row.trim().split("\\s+");
      if (row.matches("\\d+ .*") && !cells[2].equals("impossible")) {
        planVotes.add(cells[0] + " " + String.join(" ", List.of(cells).subList(2, cells.length)));
      }
    }
    assertTrue(!runVotes.isEmpty(), run);
    assertEquals(runVotes, planVotes, run + "\n" + plan.out());

    // The N the next radius needs.
    Matcher runNeeds = RUN_NEEDS.matcher(run);
    Matcher planNeeds = PLAN_NEEDS.matcher(plan.out());
    assertTrue(runNeeds.find() && planNeeds.find(), run + "\n" + plan.out());
    assertEquals(runNeeds.group(1), planNeeds.group(1));
    assertEquals(Long.parseLong(runNeeds.group(2).replace(",", "")) + n0, Long.parseLong(planNeeds.group(2)),
        "the run counts N - n0, thresholds N");
  }

  @Test
  void theRunnerUpBoundNeedsFewerVotesWhenTheOthersAreSpread() {
    // MNIST 0-9 at N = 500 (class split, runner-up bound): a point with 191 top votes and the rest spread
    // is certified at r = 0, where the single-bound rule would ask for 310.
    RunConfig config = RunConfig.defaults().with(ConfigKeys.DIGITS, IntStream.range(0, 10).boxed().toList())
        .with(ConfigKeys.CLASSIFIERS, 500L);
    String run = Reports.ceiling(config, 2, config.data().trainSize());
    Matcher m = RUN_VOTES.matcher(run.substring(run.indexOf("votes needed")));
    assertTrue(m.find() && m.group(3) != null, run);
    assertTrue(Integer.parseInt(m.group(2)) <= 191, run);
    assertTrue(run.contains("spread"), run);
  }

  @Test
  void radiusTakesTheRunnerUpBoundAsTheRunDoes() {
    // Ten classes: p_A = 0.993 alone certifies radius 0; with the runner-up bounded by 0.001, radius 1.
    String tenClasses = "radius --beta 0.9 --feature-domain 2 --label-domain 10 --p-lower 0.993";
    assertEquals("0", CliTest.run(tenClasses).lastLine());
    assertEquals("1", CliTest.run(tenClasses + " --p-upper 0.001").lastLine());
    CliTest.Result bad = CliTest.run(tenClasses + " --p-upper 1.5");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--p-upper"), bad.err());
  }

  @Test
  void thePlanOfTheDefaultIsTheRunsLine() {
    CliTest.Result plan = CliTest.run("thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 10000"
        + " --alpha 0.001 --points 1000");
    assertTrue(plan.out().contains("9974"), plan.out());
    CliTest.Result bad = CliTest.run("thresholds --beta 0.9 --feature-domain 2 --label-domain 2 --n 100"
        + " --alpha 0.001 --n0 100");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--n0"), bad.err());
  }

  private static final Pattern RUN_EXAMPLES = Pattern.compile("R=(\\d+): (\\d+)(?:-(\\d+))?");

  @ParameterizedTest(name = "bagging, {0} classes, k = {1}")
  @CsvSource({"2, 20", "10, 20", "2, 5"})
  void baggingThresholdsAgreeWithTheRun(int classes, int k) {
    RunConfig config = RunConfig.defaults()
        .with(ConfigKeys.DIGITS, IntStream.range(0, classes).boxed().toList())
        .with(ConfigKeys.CLASSIFIERS, 1000L);
    config = RunConfig.from(config.source()
        .withValue(ConfigKeys.SCHEME.name(), com.typesafe.config.ConfigValueFactory.fromAnyRef("bagging"))
        .withValue(ConfigKeys.BAG_SIZE.name(), com.typesafe.config.ConfigValueFactory.fromAnyRef(k)));
    String run = Reports.ceiling(config, 2, 500);
    CliTest.Result plan = CliTest.run("thresholds --bag-size " + k + " --training-examples 500 --label-domain " + classes
        + " --n 1000 --alpha 0.001 --points 1000" + (classes > 2 ? " --runner-up" : ""));
    assertEquals(0, plan.status(), plan.err());
    List<String> runVotes = new ArrayList<>();
    Matcher m = RUN_EXAMPLES.matcher(run);
    while (m.find()) {
      runVotes.add(m.group(1) + " " + m.group(2).replace(",", "") + (m.group(3) == null ? "" : " " + m.group(3).replace(",", "")));
    }
    List<String> planVotes = new ArrayList<>();
    for (String row : plan.out().split("\n")) {
      String[] cells = row.trim().split("\\s+");
      if (row.matches("\\d+ .*") && !cells[2].equals("impossible")) {
        planVotes.add(cells[0] + " " + String.join(" ", List.of(cells).subList(2, cells.length)).replace(" - ", " "));
      }
    }
    assertTrue(runVotes.size() >= 5, run);
    assertEquals(runVotes, planVotes.subList(0, runVotes.size()), run + "\n" + plan.out());
  }

  /** Partition's ties go to the smaller class: the votes needed are those of the class that loses ties. */
  @Test
  void partitionVotesNeededAreThoseOfTheClassThatLosesTies() {
    RunConfig config = RunConfig.defaults().with(ConfigKeys.CLASSIFIERS, 20L);
    config = RunConfig.from(config.source()
        .withValue(ConfigKeys.SCHEME.name(), com.typesafe.config.ConfigValueFactory.fromAnyRef("partition")));
    String run = Reports.ceiling(config, 2, 100);
    // N = 20 parts, two classes: class 1 against class 0 needs 13 votes for R = 1 (12 - 8 - 1 = 3 < 4).
    assertTrue(run.contains("R=1: 13"), run);
  }
}
