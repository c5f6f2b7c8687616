package org.smoothcert.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a study chose and how ({@code selection.md}): the variants ranked on validation points, the rule,
 * and the chosen variant's certified accuracy on the test points of data seeds that took no part in the
 * choice.
 *
 * @param ranked the ranking rule and the radius it ranks by
 * @param validation the data seeds and the validation points the variants were ranked on
 * @param ranking the variants on the validation points, best first: the first is the chosen one
 * @param tested the chosen variant's test: the held-out seeds and points, and its runs on them
 */
public record SelectionReport(Rule ranked, Points validation, List<StudyReport.Variant> ranking, Tested tested) {
  public SelectionReport {
    ranking = List.copyOf(ranking);
  }

  /**
   * @param rule the ranking rule, as a sentence
   * @param rankRadius the radius the variants are ranked by
   */
  public record Rule(String rule, int rankRadius) {}

  /** Data seeds and the points of theirs that were used. */
  public record Points(List<Long> seeds, int points) {}

  /**
   * @param points the held-out data seeds and their test points
   * @param test the chosen variant's runs on test points
   */
  public record Tested(Points points, StudyReport test) {}

  public String rule() {
    return ranked.rule();
  }

  public int rankRadius() {
    return ranked.rankRadius();
  }

  public List<Long> selectSeeds() {
    return validation.seeds();
  }

  public int validationPoints() {
    return validation.points();
  }

  public List<Long> testSeeds() {
    return tested.points().seeds();
  }

  public int testPoints() {
    return tested.points().points();
  }

  public StudyReport test() {
    return tested.test();
  }

  public StudyReport.Variant chosen() {
    return ranking.get(0);
  }

  public String markdown() {
    StudyReport.Variant chosen = chosen();
    StringBuilder sb = new StringBuilder("# Choice of the variant\n\n");
    sb.append("Chosen: **").append(chosen.name()).append("** (").append(chosen.description()).append("), on the ")
        .append(validationPoints()).append(" validation points of ").append(seeds(selectSeeds()))
        .append(" (examples of the training split that are not a run's training examples; no test point). Rule: ")
        .append(rule()).append("\n\n");
    Set<Integer> radii = new LinkedHashSet<>(List.of(rankRadius(), 1));
    sb.append("| rank | variant | learner |");
    radii.forEach(r -> sb.append(" r=").append(r).append(" |"));
    sb.append(" base acc. |\n|---:|---|---|").append("---:|".repeat(radii.size() + 1)).append('\n');
    for (int i = 0; i < ranking.size(); i++) {
      StudyReport.Variant v = ranking.get(i);
      sb.append("| ").append(i + 1).append(" | ").append(v.name()).append(" | ").append(v.description()).append(" |");
      radii.forEach(r -> sb.append(' ').append(StudyReport.percent(v.meanAccuracyAt(r))).append(" |"));
      sb.append(' ').append(StudyReport.percent(v.meanBaseAccuracy())).append(" |\n");
    }
    sb.append("\nTest result of ").append(chosen.name()).append(" on the ").append(testPoints())
        .append(" test points of ").append(seeds(testSeeds()))
        .append(", held out: no part in the choice (certified accuracy in percent):\n\n").append(test().bySeed())
        .append("\nEvery variant on the validation points: validation.md; the test runs: test.md.\n");
    return sb.toString();
  }

  /** "data seed 5" or "data seeds 0, 1". */
  private static String seeds(List<Long> seeds) {
    return (seeds.size() == 1 ? "data seed " : "data seeds ")
        + seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
