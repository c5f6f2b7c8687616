package org.smoothcert.report;

import java.util.Map;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.votes.TrainingStats;

/**
 * What certifying one run's votes gave, as its reports show it.
 *
 * @param location the run directory the reports were written to
 * @param certification every test point's certificate and the certified-accuracy curve
 * @param stats the training statistics of the classifiers that voted
 * @param classifiers the classifiers that voted (N)
 * @param points the test points
 * @param paper the paper's certified accuracy by radius for a run in its setting (empty otherwise)
 * @param seconds from the start of the run until its reports were written
 * @param radiusHeader the console table's radius column ({@link #EVERY_RADIUS}: "radius", a row each)
 */
public record RunReport(String location, CertificationResult certification, TrainingStats stats, long classifiers,
    int points, Map<Integer, Double> paper, double seconds, String radiusHeader) {
  /** The flip noise's table: a row for every radius. */
  public static final String EVERY_RADIUS = "radius";

  /** One noised classifier's accuracy on noised test points. */
  public double baseAccuracy() {
    return stats.baseAccuracy();
  }

  /** Training and predicting, per classifier, as summary.json reports them. */
  public double msPerClassifier() {
    return Summary.msPerClassifier(stats.trainNanos(), classifiers)
        + Summary.msPerClassifier(stats.predictNanos(), classifiers);
  }
}
