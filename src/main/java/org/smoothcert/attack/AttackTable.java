package org.smoothcert.attack;

import java.util.List;

/** What {@code smoothcert attack} prints: a line for each attack, and a table at the end. */
public final class AttackTable {
  private static final String ROW = "%-16s %5s %11s %9s %18s %11s%n";

  private AttackTable() {}

  public static String line(AttackResult r) {
    return String.format("%s: cost %d; victims predicted as the target: undefended %.1f%%, smoothed %.1f%% of %d;"
        + " smoothed prediction changed on %.1f%% of all points; %s", r.attack().name(), r.attack().cost().max(),
        100 * r.undefendedSuccess(), 100 * r.smoothedSuccess(), r.victims(), 100 * r.smoothedChanged(),
        r.coveredPoints() == 0 ? "no point covered by its clean certificate: nothing checked"
            : String.format("%d points covered by their clean certificate, %d violations", r.coveredPoints(),
                r.violations().size()));
  }

  public static String render(List<AttackResult> results) {
    StringBuilder sb = new StringBuilder(String.format(ROW, "attack", "cost", "undefended", "smoothed",
        "certified victims", "violations"));
    for (AttackResult r : results) {
      sb.append(String.format(ROW, r.attack().name(), r.attack().cost().max(), percent(r.undefendedSuccess()),
          percent(r.smoothedSuccess()), percent((double) r.certifiedVictims() / r.victims()), r.violations().size()));
    }
    return sb.toString();
  }

  private static String percent(double share) {
    return String.format("%.1f%%", 100 * share);
  }
}
