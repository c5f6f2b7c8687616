package org.smoothcert.attack;

import java.util.List;
import org.smoothcert.certify.Certificate;

/**
 * {@code attack.csv} (the no-attack baseline, then one row per attack) and {@code violations.csv} (one row
 * per contradicted certificate).
 */
public final class AttackCsv {
  private AttackCsv() {}

  /**
   * @param undefendedBaseline share of victims the clean undefended MLP predicts as the target; likewise
   *     {@code smoothedBaseline} for the clean smoothed classifier (the row {@code none})
   */
  public static String attacks(List<AttackResult> results, int target, double undefendedBaseline,
      double smoothedBaseline) {
    StringBuilder sb = new StringBuilder("kind,budget,cost,training_pixels,training_labels,test_pixels,"
        + "poisoned_images,trigger_pixels,target_class,victims,undefended_success,smoothed_success,"
        + "certified_victims,covered_points,violations,smoothed_changed,undefended_changed,covered_vote_shift\n");
    int victims = results.isEmpty() ? 0 : results.get(0).victims();
    sb.append("none,0,0,0,0,0,0,0,").append(target).append(',').append(victims).append(',').append(undefendedBaseline)
        .append(',').append(smoothedBaseline).append(",,0,0,0.0,0.0,\n");
    for (AttackResult r : results) {
      Attack a = r.attack();
      int testPixels = a.cost().max() - a.cost().trainingPixels() - a.cost().trainingLabels();
      sb.append(a.kind().slug()).append(',').append(a.budget()).append(',').append(a.cost().max()).append(',')
          .append(a.cost().trainingPixels()).append(',').append(a.cost().trainingLabels()).append(',')
          .append(testPixels).append(',').append(a.poisonedImages()).append(',').append(a.triggerPixels())
          .append(',').append(a.target()).append(',').append(r.victims()).append(',')
          .append(r.undefendedSuccess()).append(',').append(r.smoothedSuccess()).append(',')
          .append(r.certifiedVictims()).append(',').append(r.coveredPoints()).append(',')
          .append(r.violations().size()).append(',').append(r.smoothedChanged()).append(',')
          .append(r.undefendedChanged()).append(',')
          .append(Double.isNaN(r.coveredVoteShift()) ? "" : String.valueOf(r.coveredVoteShift())).append('\n');
    }
    return sb.toString();
  }

  public static String violations(List<AttackResult> results, int[] sourceIndices) {
    StringBuilder sb = new StringBuilder("attack,index,source_index,true_label,cost,clean_prediction,clean_radius,"
        + "clean_p_lower,attacked_prediction,attacked_top_class,attacked_top_votes,attacked_p_lower\n");
    for (AttackResult r : results) {
      for (Violation v : r.violations()) {
        Certificate clean = v.clean();
        Certificate attacked = v.attacked();
        sb.append(r.attack().name()).append(',').append(v.point()).append(',').append(sourceIndices[v.point()])
            .append(',').append(v.trueLabel()).append(',').append(v.cost()).append(',').append(clean.label())
            .append(',').append(clean.radius()).append(',').append(clean.pLower()).append(',')
            .append(attacked.label()).append(',').append(attacked.topClass()).append(',')
            .append(attacked.topVotes()).append(',').append(attacked.pLower()).append('\n');
      }
    }
    return sb.toString();
  }
}
