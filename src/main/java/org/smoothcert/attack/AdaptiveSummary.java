package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What the adaptive attack's full-N runs show, from the outcomes of all attacked copies: one row per
 * attack and budget (attack.csv) and one per target (empirical-radius.csv).
 */
public final class AdaptiveSummary {
  private AdaptiveSummary() {}

  /**
   * One attack at one budget.
   *
   * @param attack {@code none} (the clean copies: what re-estimating alone changes), {@code adaptive-pixels}
   *     (every test point, its own pixels), {@code label-flips-D} (the ladder aimed at the points of class D,
   *     on every test point), {@code adaptive-all} (each test point's best attack within the budget: its
   *     pixels, or a ladder step of its class plus pixels) or {@code adaptive} (each target's best attack
   *     within the budget)
   * @param aim the attack's name and budget
   * @param largest the largest cost among its copies, and of each part of the cost
   * @param changes the attacked points and how many of them changed
   * @param coverage the points the clean certificates cover and what the attack did to them
   */
  public record Family(Aim aim, Cost largest, Changes changes, Coverage coverage) {
    /** The attack ({@code none}, {@code adaptive-pixels}, ...) and its budget. */
    public record Aim(String attack, int budget) {}

    /** A cost and its parts: training labels, training pixels and test pixels. */
    public record Cost(int total, int trainingLabels, int trainingPixels, int testPixels) {}

    /**
     * @param points attacked points (for {@code adaptive}: targets whose budgets reach this one)
     * @param smoothed how many of them changed their smoothed prediction, and the clean copies' share
     * @param uncertified the points whose clean certificate does not reach the budget (abstained or radius
     *     below it) and those of them whose smoothed prediction changed
     * @param undefended points whose undefended MLP prediction changed
     */
    public record Changes(int points, Smoothed smoothed, Uncertified uncertified, int undefended) {}

    /**
     * @param changed points whose smoothed prediction changed
     * @param baselineShare the share of the same points whose clean copy's prediction changed
     */
    public record Smoothed(int changed, double baselineShare) {}

    /** Points whose clean certificate does not reach the budget, and those of them that changed. */
    public record Uncertified(int points, int changed) {}

    /**
     * @param points points whose clean certificate covers the attack (cost >= 1, within the radius)
     * @param voteShift the mean change of the clean class's vote share over the covered points
     * @param violations covered points whose smoothed prediction changed
     */
    public record Coverage(int points, double voteShift, int violations) {}

    public String attack() {
      return aim.attack();
    }

    public int budget() {
      return aim.budget();
    }

    public int cost() {
      return largest.total();
    }

    public int trainingLabels() {
      return largest.trainingLabels();
    }

    public int trainingPixels() {
      return largest.trainingPixels();
    }

    public int testPixels() {
      return largest.testPixels();
    }

    public int points() {
      return changes.points();
    }

    public int changed() {
      return changes.smoothed().changed();
    }

    public double baselineChangedShare() {
      return changes.smoothed().baselineShare();
    }

    public int uncertified() {
      return changes.uncertified().points();
    }

    public int uncertifiedChanged() {
      return changes.uncertified().changed();
    }

    public int undefendedChanged() {
      return changes.undefended();
    }

    public int covered() {
      return coverage.points();
    }

    public double coveredVoteShift() {
      return coverage.voteShift();
    }

    public int violations() {
      return coverage.violations();
    }

    public double changedShare() {
      return share(changed(), points());
    }

    public double uncertifiedChangedShare() {
      return share(uncertifiedChanged(), uncertified());
    }

    public double undefendedChangedShare() {
      return share(undefendedChanged(), points());
    }
  }

  /**
   * A target's empirical radius: the smallest cost of a copy whose smoothed prediction changed (none:
   * no attack up to {@code largestBudgetTried} changed it).
   */
  public record Radius(AdaptiveSearch.Target target, RowOutcome breaking, int largestBudgetTried) {
    public boolean found() {
      return breaking != null;
    }

    public int empirical() {
      return breaking.cost();
    }
  }

  static List<Family> families(List<RowOutcome> outcomes, List<AdaptiveSearch.Level> levels,
      List<AdaptiveSearch.Target> targets, int allPointsBudget, IntFunction<String> className) {
    String clean = levels.get(0).name();
    List<RowOutcome> none = select(outcomes, r -> r.level().equals(clean) && r.pixels() == 0);
    double baseline = share(count(none, RowOutcome::changed), none.size());
    List<Family> families = new ArrayList<>();
    families.add(family("none", 0, none, baseline));
    for (int b = 1; b <= allPointsBudget; b++) {
      int pixels = b;
      families.add(family("adaptive-pixels", b, select(outcomes, r -> r.level().equals(clean) && r.pixels() == pixels),
          baseline));
    }
    for (AdaptiveSearch.Level level : levels.subList(1, levels.size())) {
      families.add(family("label-flips-" + className.apply(level.flipClass()), level.flips(),
          select(outcomes, r -> r.level().equals(level.name()) && r.pixels() == 0), baseline));
    }
    Map<Integer, List<RowOutcome>> byPoint = outcomes.stream().collect(
        Collectors.groupingBy(RowOutcome::point, TreeMap::new, Collectors.toList()));
    Map<Integer, Integer> everyPoint = new TreeMap<>();
    byPoint.keySet().forEach(i -> everyPoint.put(i, allPointsBudget));
    for (int b = 1; b <= allPointsBudget; b++) {
      families.add(best("adaptive-all", byPoint, everyPoint, b, baseline));
    }
    Map<Integer, Integer> targetBudgets = new TreeMap<>();
    targets.forEach(t -> targetBudgets.put(t.point(), t.largestBudget()));
    int largest = targets.stream().mapToInt(AdaptiveSearch.Target::largestBudget).max().orElse(0);
    double targetBaseline = share(count(none, r -> targetBudgets.containsKey(r.point()) && r.changed()),
        targets.size());
    for (int b = 1; b <= largest; b++) {
      families.add(best("adaptive", byPoint, targetBudgets, b, targetBaseline));
    }
    return families;
  }

  static List<Radius> radii(List<RowOutcome> outcomes, List<AdaptiveSearch.Target> targets) {
    List<Radius> radii = new ArrayList<>();
    for (AdaptiveSearch.Target t : targets) {
      List<RowOutcome> rows = select(outcomes, r -> r.point() == t.point() && r.cost() >= 1);
      RowOutcome breaking = rows.stream().filter(RowOutcome::changed)
          .min(Comparator.comparingInt(RowOutcome::cost).thenComparingLong(RowOutcome::attackedVotes)).orElse(null);
      radii.add(new Radius(t, breaking, rows.stream().mapToInt(RowOutcome::cost).max().orElse(0)));
    }
    return radii;
  }

  /**
   * Each attacked point's copies of cost at most b (for the points whose largest budget reaches b):
   * changed when any of them changed; the vote shift of the strongest.
   */
  private static Family best(String name, Map<Integer, List<RowOutcome>> byPoint, Map<Integer, Integer> largestBudget,
      int b, double baseline) {
    int points = 0;
    int changed = 0;
    int uncertified = 0;
    int uncertifiedChanged = 0;
    int undefended = 0;
    int covered = 0;
    int violations = 0;
    double shift = 0;
    int cost = 0;
    int labels = 0;
    int trainingPixels = 0;
    int testPixels = 0;
    for (Map.Entry<Integer, Integer> point : largestBudget.entrySet()) {
      if (point.getValue() < b) {
        continue;
      }
      List<RowOutcome> rows = select(byPoint.getOrDefault(point.getKey(), List.of()),
          r -> r.cost() >= 1 && r.cost() <= b);
      if (rows.isEmpty()) {
        continue;
      }
      points++;
      boolean anyChanged = rows.stream().anyMatch(RowOutcome::changed);
      changed += anyChanged ? 1 : 0;
      if (!rows.get(0).certifiedAt(b)) {
        uncertified++;
        uncertifiedChanged += anyChanged ? 1 : 0;
      }
      undefended += rows.stream().anyMatch(RowOutcome::undefendedChanged) ? 1 : 0;
      if (rows.stream().anyMatch(RowOutcome::covered)) {
        covered++;
        shift += rows.stream().filter(RowOutcome::covered).mapToDouble(RowOutcome::voteShift).min().orElseThrow();
        violations += rows.stream().anyMatch(RowOutcome::violation) ? 1 : 0;
      }
      for (RowOutcome r : rows) {
        cost = Math.max(cost, r.cost());
        labels = Math.max(labels, r.trainingLabels());
        trainingPixels = Math.max(trainingPixels, r.trainingPixels());
        testPixels = Math.max(testPixels, r.testPixels());
      }
    }
    return new Family(new Family.Aim(name, b), new Family.Cost(cost, labels, trainingPixels, testPixels),
        new Family.Changes(points, new Family.Smoothed(changed, baseline),
            new Family.Uncertified(uncertified, uncertifiedChanged), undefended),
        new Family.Coverage(covered, covered == 0 ? Double.NaN : shift / covered, violations));
  }

  private static Family family(String attack, int budget, List<RowOutcome> rows, double baseline) {
    List<RowOutcome> covered = select(rows, RowOutcome::covered);
    List<RowOutcome> uncertified = select(rows, r -> !r.certifiedAt(budget));
    Family.Cost largest = new Family.Cost(max(rows, RowOutcome::cost), max(rows, RowOutcome::trainingLabels),
        max(rows, RowOutcome::trainingPixels), max(rows, RowOutcome::testPixels));
    Family.Changes changes = new Family.Changes(rows.size(),
        new Family.Smoothed(count(rows, RowOutcome::changed), baseline),
        new Family.Uncertified(uncertified.size(), count(uncertified, RowOutcome::changed)),
        count(rows, RowOutcome::undefendedChanged));
    return new Family(new Family.Aim(attack, budget), largest, changes, new Family.Coverage(covered.size(),
        covered.stream().mapToDouble(RowOutcome::voteShift).average().orElse(Double.NaN),
        count(rows, RowOutcome::violation)));
  }

  private static List<RowOutcome> select(List<RowOutcome> rows, Predicate<RowOutcome> keep) {
    return rows.stream().filter(keep).toList();
  }

  private static int count(List<RowOutcome> rows, Predicate<RowOutcome> keep) {
    return (int) rows.stream().filter(keep).count();
  }

  private static int max(List<RowOutcome> rows, ToIntFunction<RowOutcome> value) {
    return rows.stream().mapToInt(value).max().orElse(0);
  }

  static double share(int count, int of) {
    return of == 0 ? 0.0 : (double) count / of;
  }
}
