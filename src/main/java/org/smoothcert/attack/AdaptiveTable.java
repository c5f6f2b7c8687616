package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** What {@code smoothcert attack --adaptive} prints: the attacks by budget, the radius gap, the costs. */
public final class AdaptiveTable {
  private static final String ATTACK_ROW = "%-18s %6s %5s %7s %8s %9s %13s %10s %8s %10s %10s%n";
  private static final String GAP_ROW = "%-9s %7s %7s %9s %13s %13s %9s%n";

  private AdaptiveTable() {}

  /**
   * One line per attack and budget: the share of attacked points whose smoothed prediction changed, how many
   * of the points not certified at the budget changed (of how many), and the rest.
   */
  public static String attacks(List<AdaptiveSummary.Family> families) {
    StringBuilder sb = new StringBuilder(String.format(ATTACK_ROW, "attack", "budget", "cost", "points", "changed",
        "baseline", "uncertified", "undefended", "covered", "vote shift", "violations"));
    for (AdaptiveSummary.Family f : families) {
      sb.append(String.format(ATTACK_ROW, f.attack(), f.budget(), f.cost(), f.points(), percent(f.changedShare()),
          percent(f.baselineChangedShare()), f.uncertifiedChanged() + "/" + f.uncertified(),
          percent(f.undefendedChangedShare()), f.covered(),
          Double.isNaN(f.coveredVoteShift()) ? "-" : String.format("%+.1f%%", 100 * f.coveredVoteShift()),
          f.violations()));
    }
    return sb.toString();
  }

  /** Per certified radius: how many targets an attack changed, at which empirical radius, and the gap. */
  public static String gaps(List<AdaptiveSummary.Radius> radii) {
    TreeMap<Integer, List<AdaptiveSummary.Radius>> byRadius = new TreeMap<>();
    for (AdaptiveSummary.Radius r : radii) {
      byRadius.computeIfAbsent(r.target().radius(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder(String.format(GAP_ROW, "certified", "targets", "changed", "unchanged",
        "empirical", "gap", "tried up to"));
    for (var e : byRadius.entrySet()) {
      List<AdaptiveSummary.Radius> group = e.getValue();
      int[] empirical = group.stream().filter(AdaptiveSummary.Radius::found).mapToInt(AdaptiveSummary.Radius::empirical)
          .sorted().toArray();
      int tried = group.stream().mapToInt(AdaptiveSummary.Radius::largestBudgetTried).max().orElse(0);
      sb.append(String.format(GAP_ROW, "r=" + e.getKey(), group.size(), empirical.length,
          group.size() - empirical.length, range(empirical, 0), range(empirical, e.getKey()), tried));
    }
    return sb.toString();
  }

  /** min / median / max of the values less {@code minus}, or "-" when there is none. */
  private static String range(int[] sorted, int minus) {
    if (sorted.length == 0) {
      return "-";
    }
    return String.format("%d/%s/%d", sorted[0] - minus, median(sorted, minus), sorted[sorted.length - 1] - minus);
  }

  private static String median(int[] sorted, int minus) {
    int n = sorted.length;
    double m = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    m -= minus;
    return m == Math.rint(m) ? String.valueOf((int) m) : String.valueOf(m);
  }

  /** The stages and their time: the surrogates and searches at N', the runs at full N. */
  public static String stages(List<AdaptiveRun.Stage> stages) {
    StringBuilder sb = new StringBuilder(String.format("%-34s %11s %6s %9s%n", "stage", "classifiers", "rows", "seconds"));
    for (AdaptiveRun.Stage s : stages) {
      sb.append(String.format("%-34s %,11d %6d %9.1f%n", s.name(), s.classifiers(), s.rows(), s.seconds()));
    }
    return sb.toString();
  }

  private static String percent(double share) {
    return String.format("%.1f%%", 100 * share);
  }
}
