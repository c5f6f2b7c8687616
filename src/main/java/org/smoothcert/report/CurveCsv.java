package org.smoothcert.report;

import org.smoothcert.certify.CertificationResult;

/** {@code curve.csv}: radius -> certified accuracy (abstentions count as failures). */
public final class CurveCsv {
  private CurveCsv() {}

  public static String render(CertificationResult result) {
    StringBuilder sb = new StringBuilder("radius,certified_accuracy,certified_points\n");
    int m = result.trueLabels().length;
    for (int r = 0; r < result.curve().length; r++) {
      double acc = result.curve()[r];
      sb.append(r).append(',').append(acc).append(',').append(Math.round(acc * m)).append('\n');
    }
    return sb.toString();
  }
}
