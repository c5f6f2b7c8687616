package org.smoothcert.attack;

import java.util.List;

/** What {@code smoothcert attack --badnets} prints: one row per R. */
public final class BadNetsTable {
  private static final String ROW = "%6s %9s %11s %10s %12s %10s %8s %12s %10s%n";

  private BadNetsTable() {}

  public static String render(List<BadNetsLevel> levels) {
    StringBuilder sb = new StringBuilder(String.format(ROW, "R", "poisoned", "undefended", "smoothed",
        "smoothed(thr)", "certified", "changed", "uncertified", "violations"));
    for (BadNetsLevel l : levels) {
      sb.append(String.format(ROW, l.r(), l.poisonedExamples(), percent(l.undefendedSuccess()),
          percent(l.smoothedSuccess()), percent(l.smoothedThreatSuccess()), l.certified() + "/" + l.points(),
          l.changed(), l.changedUncertified(), l.violations().size()));
    }
    return sb.toString();
  }

  private static String percent(double share) {
    return String.format("%.1f%%", 100 * share);
  }
}
