package org.smoothcert.report;

import org.smoothcert.certify.CertificationResult;

/** {@code curve.csv}: radius -> certified accuracy (abstentions count as failures). */
public final class CurveCsv {
  private CurveCsv() {}

  public static String render(CertificationResult result) {
    return render(result, "radius");
  }

  /** With the radius column named for its unit (e.g. {@code poisoned_examples}). */
  public static String render(CertificationResult result, String radiusColumn) {
    StringBuilder sb = new StringBuilder(radiusColumn + ",certified_accuracy,certified_points\n");
    int m = result.trueLabels().length;
    for (int r = 0; r < result.curve().length; r++) {
      double acc = result.curve()[r];
      sb.append(r).append(',').append(acc).append(',').append(Math.round(acc * m)).append('\n');
    }
    return sb.toString();
  }
}
