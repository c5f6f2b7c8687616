package org.smoothcert.report;

import java.util.Map;
import org.smoothcert.certify.CertificationResult;

/** The table a run ends with: radius, certified accuracy, and the paper's figure where one exists. */
public final class ConsoleTable {
  private ConsoleTable() {}

  /**
   * @param paper the paper's certified accuracy by radius, for a run in the paper's setting (empty
   *     otherwise)
   */
  public static String render(CertificationResult result, Map<Integer, Double> paper) {
    StringBuilder sb = new StringBuilder();
    int m = result.trueLabels().length;
    line(sb, "radius", "certified accuracy", paper.isEmpty() ? "" : "paper");
    for (int r = 0; r < result.curve().length; r++) {
      double acc = result.curve()[r];
      String ours = String.format("%5.1f%%  (%d of %d)", 100 * acc, Math.round(acc * m), m);
      String theirs = paper.isEmpty() ? "" : paper.containsKey(r) ? String.format("%.0f%%", 100 * paper.get(r)) : "-";
      line(sb, Integer.toString(r), ours, theirs);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String a, String b, String c) {
    sb.append(String.format("%-8s %-22s %s", a, b, c).stripTrailing()).append('\n');
  }
}
