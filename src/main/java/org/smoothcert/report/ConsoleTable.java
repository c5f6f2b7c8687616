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

  /**
   * The table of a certificate whose radii run into the hundreds (poisoned training examples): the radii
   * 0, 1, 2, 5, 10, 20, 50, ... up to the first one nothing reaches, under {@code header}.
   */
  public static String render(CertificationResult result, String header) {
    StringBuilder sb = new StringBuilder();
    int m = result.trueLabels().length;
    line(sb, header, "certified accuracy", "");
    for (int r : shownRadii(result.curve().length - 1)) {
      double acc = result.accuracyAt(r);
      line(sb, Integer.toString(r), String.format("%5.1f%%  (%d of %d)", 100 * acc, Math.round(acc * m), m), "");
    }
    return sb.toString();
  }

  /**
   * 0, 1, 2, 5, 10, 20, 50, ... while below {@code last}, then {@code last}: the radii shown where they run
   * into the hundreds (the console, the scheme lines, `thresholds` for bagging, a study's tables).
   */
  public static java.util.List<Integer> shownRadii(int last) {
    int length = last;
    java.util.List<Integer> radii = new java.util.ArrayList<>();
    int[] steps = {1, 2, 5};
    for (long scale = 1, r = 0; r < length; ) {
      radii.add((int) r);
      if (r == 0) {
        r = 1;
        continue;
      }
      int i = java.util.Arrays.binarySearch(steps, (int) (r / scale));
      if (i == steps.length - 1) {
        scale *= 10;
        r = scale;
      } else {
        r = steps[i + 1] * scale;
      }
    }
    radii.add(length);
    return radii;
  }

  private static void line(StringBuilder sb, String a, String b, String c) {
    sb.append(String.format("%-8s %-22s %s", a, b, c).stripTrailing()).append('\n');
  }
}
