package org.smoothcert.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.certify.VotesNeeded;
import org.smoothcert.votes.TrainingStats;

/** The parts of summary.json that describe the certificate, as {@link RunRecord} renders them. */
public final class Summary {
  private Summary() {}

  public static Map<String, Object> alpha(AlphaSplit split) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alpha", split.alpha());
    m.put("points", split.points());
    m.put("classes", split.classes());
    m.put("lower_bounds_per_point", split.lowerBounds());
    m.put("upper_bounds_per_point", split.upperBounds());
    m.put("runner_up_bound", split.runnerUp());
    m.put("per_bound", split.perBound());
    m.put("rule", split.describe());
    // What the run proves: the nominal 1 - alpha only when every bound a point may need is paid for.
    m.put("confidence", split.provenConfidence());
    m.put("nominal_confidence", 1 - split.alpha());
    m.put("bounds_at_risk_per_point", split.boundsAtRisk());
    return m;
  }

  /**
   * Which domain d the certificate used: the largest of the feature columns' and the labels' (the
   * attacker's best spend), and which of the two it is.
   */
  public static Map<String, Object> domain(L0Certificate certificate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("d", certificate.effectiveDomain());
    int features = certificate.featureDomain();
    int labels = certificate.labelDomain();
    m.put("from", features == labels ? "features and labels" : features > labels ? "features" : "labels");
    m.put("largest_feature_domain", features);
    m.put("label_domain", labels);
    return m;
  }

  /**
   * The ceiling of N classifiers: largest radius, votes needed per radius (as the run's certifier decides
   * them: with the runner-up bound, the fewest, other votes spread evenly, and the most, all on one class),
   * N needed for one more.
   */
  public static Map<String, Object> ceiling(L0Certificate certificate, Ceiling ceiling, VotesNeeded plan,
      double alphaPerBound) {
    Map<String, Object> m = new LinkedHashMap<>();
    int max = ceiling.maxRadius();
    m.put("unanimous_p_lower", ceiling.unanimousPLower());
    m.put("max_radius", max);
    Map<String, Object> rows = new LinkedHashMap<>();
    for (int r = 0; r <= max + 1; r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("p_lower_must_exceed", certificate.thresholdUp(r));
      long votes = plan.spread(r);
      row.put("votes_needed", votes < 0 ? null : votes);
      if (plan.dependsOnTheOthers()) {
        row.put("votes_needed_others_on_one_class", votes < 0 ? null : plan.concentrated(r));
      }
      rows.put(Integer.toString(r), row);
    }
    m.put("radii", rows);
    m.put("classifiers_needed_for_radius_" + (max + 1), Ceiling.classifiersNeeded(certificate, max + 1, alphaPerBound));
    return m;
  }

  public static Map<String, Object> accuracy(CertificationResult result) {
    Map<String, Object> curve = new LinkedHashMap<>();
    for (int r = 0; r < result.curve().length; r++) {
      curve.put(Integer.toString(r), result.curve()[r]);
    }
    return curve;
  }

  /** The share of points certified at radius >= r whatever their label, r along the curve. */
  public static Map<String, Object> certifiedShare(CertificationResult result) {
    Map<String, Object> shares = new LinkedHashMap<>();
    for (int r = 0; r < result.curve().length; r++) {
      shares.put(Integer.toString(r), result.certifiedShareAt(r));
    }
    return shares;
  }

  public static Map<String, Object> training(TrainingStats stats, long classifiersTrained) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("base_accuracy", stats.baseAccuracy());
    if (classifiersTrained > 0) {
      double n = classifiersTrained;
      m.put("iterations_per_classifier", stats.iterations() / n);
      m.put("cost_evaluations_per_classifier", stats.costEvaluations() / n);
      m.put("train_ms_per_classifier", msPerClassifier(stats.trainNanos(), classifiersTrained));
      m.put("predict_ms_per_classifier", msPerClassifier(stats.predictNanos(), classifiersTrained));
    }
    return m;
  }

  static double msPerClassifier(long nanos, long classifiers) {
    double n = classifiers;
    return nanos / n / 1e6;
  }
}
