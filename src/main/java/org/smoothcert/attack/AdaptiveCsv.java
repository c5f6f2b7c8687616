package org.smoothcert.attack;

import java.util.List;
import java.util.Locale;

/**
 * The adaptive attack's tables: {@code attack.csv} (one row per attack and budget, the no-attack
 * baseline first), {@code empirical-radius.csv} (one row per target), {@code violations.csv} (one row
 * per attacked copy that contradicts its certificate) and {@code timings.csv}.
 */
final class AdaptiveCsv {
  private AdaptiveCsv() {}

  static String attacks(List<AdaptiveSummary.Family> families) {
    StringBuilder sb = new StringBuilder("attack,budget,cost,training_labels,training_pixels,test_pixels,points,"
        + "changed,changed_share,baseline_changed_share,uncertified_points,uncertified_changed,"
        + "uncertified_changed_share,undefended_changed,undefended_changed_share,"
        + "covered_points,covered_vote_shift,violations\n");
    for (AdaptiveSummary.Family f : families) {
      sb.append(f.attack()).append(',').append(f.budget()).append(',').append(f.cost()).append(',')
          .append(f.trainingLabels()).append(',').append(f.trainingPixels()).append(',').append(f.testPixels())
          .append(',').append(f.points()).append(',').append(f.changed()).append(',').append(number(f.changedShare()))
          .append(',').append(number(f.baselineChangedShare())).append(',').append(f.uncertified()).append(',')
          .append(f.uncertifiedChanged()).append(',').append(number(f.uncertifiedChangedShare())).append(',')
          .append(f.undefendedChanged()).append(',')
          .append(number(f.undefendedChangedShare())).append(',').append(f.covered()).append(',')
          .append(number(f.coveredVoteShift())).append(',').append(f.violations()).append('\n');
    }
    return sb.toString();
  }

  static String radii(List<AdaptiveSummary.Radius> radii, int[] sourceIndices, int[] trueLabels) {
    StringBuilder sb = new StringBuilder("index,source_index,true_label,clean_label,clean_votes,certified_radius,"
        + "empirical_radius,largest_budget_tried,gap,training_labels,test_pixels,attacked_label,attacked_votes,"
        + "screened_share\n");
    for (AdaptiveSummary.Radius r : radii) {
      AdaptiveSearch.Target t = r.target();
      sb.append(t.point()).append(',').append(sourceIndices[t.point()]).append(',').append(trueLabels[t.point()])
          .append(',').append(t.cleanClass()).append(',').append(t.votes()).append(',').append(t.radius()).append(',');
      if (r.found()) {
        RowOutcome b = r.breaking();
        sb.append(r.empirical()).append(',').append(r.largestBudgetTried()).append(',')
            .append(r.empirical() - t.radius()).append(',').append(b.trainingLabels()).append(',')
            .append(b.testPixels()).append(',').append(b.attacked().label()).append(',').append(b.attackedVotes())
            .append(',').append(number(b.screenedShare()));
      } else {
        sb.append(',').append(r.largestBudgetTried()).append(",,,,,,");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String violations(List<RowOutcome> outcomes, int[] sourceIndices) {
    StringBuilder sb = new StringBuilder("level,index,source_index,cost,training_labels,test_pixels,clean_prediction,"
        + "clean_radius,clean_votes,attacked_prediction,attacked_votes\n");
    for (RowOutcome r : outcomes) {
      if (r.violation()) {
        sb.append(r.level()).append(',').append(r.point()).append(',').append(sourceIndices[r.point()]).append(',')
            .append(r.cost()).append(',').append(r.trainingLabels()).append(',').append(r.testPixels()).append(',')
            .append(r.clean().label()).append(',').append(r.clean().radius()).append(',').append(r.cleanVotes())
            .append(',').append(r.attacked().label()).append(',').append(r.attackedVotes()).append('\n');
      }
    }
    return sb.toString();
  }

  /** A share or shift with 6 decimals; empty when there is none (NaN). */
  static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }
}
