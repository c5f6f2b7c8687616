package org.smoothcert.attack;

import java.util.List;
import org.smoothcert.certify.Certificate;

/**
 * The BadNets attack's tables: {@code badnets.csv} (one row per R), {@code empirical-radius.csv} (one row
 * per test point: certified R beside the smallest R of the ladder that changed it) and
 * {@code violations.csv} (one row per point certified at R whose prediction the attack at R changed).
 */
final class BadNetsCsv {
  private BadNetsCsv() {}

  static String levels(List<BadNetsLevel> levels, int triggerSize) {
    StringBuilder sb = new StringBuilder("r,poisoned_examples,trigger_pixels,victims,undefended_success,"
        + "smoothed_success,smoothed_success_threat,certified_points,changed,changed_uncertified,violations,seconds\n");
    for (BadNetsLevel l : levels) {
      sb.append(l.r()).append(',').append(l.poisonedExamples()).append(',').append(triggerSize).append(',')
          .append(l.victims()).append(',').append(l.undefendedSuccess()).append(',').append(l.smoothedSuccess())
          .append(',').append(l.smoothedThreatSuccess()).append(',').append(l.certified()).append(',')
          .append(l.changed()).append(',').append(l.changedUncertified()).append(',').append(l.violations().size())
          .append(',').append(String.format("%.1f", l.seconds())).append('\n');
    }
    return sb.toString();
  }

  /** Empirical R 0 (no R of the ladder changed the point) is written empty. */
  static String points(List<BadNetsRun.BadNetsPoint> points, int[] sourceIndices) {
    StringBuilder sb = new StringBuilder("index,source_index,true_label,clean_prediction,certified_r,"
        + "empirical_r_threat,empirical_r_triggered\n");
    for (BadNetsRun.BadNetsPoint p : points) {
      sb.append(p.point()).append(',').append(sourceIndices[p.point()]).append(',').append(p.trueLabel()).append(',')
          .append(p.cleanLabel()).append(',').append(p.certifiedRadius()).append(',')
          .append(p.empiricalThreat() == 0 ? "" : String.valueOf(p.empiricalThreat())).append(',')
          .append(p.empiricalTriggered() == 0 ? "" : String.valueOf(p.empiricalTriggered())).append('\n');
    }
    return sb.toString();
  }

  static String violations(List<BadNetsLevel> levels, int[] sourceIndices) {
    StringBuilder sb = new StringBuilder("r,index,source_index,true_label,clean_prediction,certified_r,"
        + "clean_p_lower,attacked_prediction,attacked_top_votes,attacked_p_lower\n");
    for (BadNetsLevel l : levels) {
      for (BadNetsLevel.Violation v : l.violations()) {
        Certificate c = v.clean();
        Certificate a = v.attacked();
        sb.append(v.r()).append(',').append(v.point()).append(',').append(sourceIndices[v.point()]).append(',')
            .append(v.trueLabel()).append(',').append(v.cleanPrediction()).append(',').append(c.radius()).append(',')
            .append(c.pLower()).append(',').append(a.label()).append(',').append(a.topVotes()).append(',')
            .append(a.pLower()).append('\n');
      }
    }
    return sb.toString();
  }
}
