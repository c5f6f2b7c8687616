package org.smoothcert.report;

import org.smoothcert.certify.Certificate;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.votes.VoteCounts;

/**
 * {@code points.csv}: one row per test point. Numbers are printed in their shortest round-trip form,
 * so equal results give byte-identical files.
 */
public final class PointsCsv {
  private PointsCsv() {}

  public static String render(CertificationResult result, int[] sourceIndices) {
    VoteCounts votes = result.votes();
    StringBuilder sb = new StringBuilder("index,source_index,true_label,predicted");
    for (int c = 0; c < votes.classes(); c++) {
      sb.append(",votes_").append(c);
    }
    sb.append(",p_lower,p_upper_others,radius,correct\n");
    for (int i = 0; i < votes.points(); i++) {
      Certificate cert = result.certificates()[i];
      sb.append(i).append(',').append(sourceIndices[i]).append(',').append(result.trueLabels()[i])
          .append(',').append(cert.label());
      for (int c = 0; c < votes.classes(); c++) {
        sb.append(',').append(votes.count(i, c));
      }
      sb.append(',').append(cert.pLower()).append(',').append(cert.pUpperOthers()).append(',')
          .append(cert.radius()).append(',')
          .append(cert.certifiedAt(result.trueLabels()[i], 0)).append('\n');
    }
    return sb.toString();
  }
}
