package org.smoothcert.report;

import java.util.Map;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.votes.TrainingStats;

/**
 * What certifying one run's votes gave, as its reports show it.
 *
 * @param written where the reports were written and when
 * @param certification every test point's certificate and the certified-accuracy curve
 * @param voters the classifiers that voted and the points they voted on
 * @param table what the console table shows beside the curve
 */
public record RunReport(Written written, CertificationResult certification, Voters voters, Table table) {
  /** The flip noise's table: a row for every radius. */
  public static final String EVERY_RADIUS = "radius";

  /**
   * @param location the run directory the reports were written to
   * @param seconds from the start of the run until its reports were written
   */
  public record Written(String location, double seconds) {}

  /**
   * @param stats the training statistics of the classifiers that voted
   * @param classifiers the classifiers that voted (N)
   * @param points the test points
   */
  public record Voters(TrainingStats stats, long classifiers, int points) {}

  /**
   * @param paper the paper's certified accuracy by radius for a run in its setting (empty otherwise)
   * @param radiusHeader the console table's radius column ({@link #EVERY_RADIUS}: "radius", a row each)
   */
  public record Table(Map<Integer, Double> paper, String radiusHeader) {}

  public String location() {
    return written.location();
  }

  public double seconds() {
    return written.seconds();
  }

  public TrainingStats stats() {
    return voters.stats();
  }

  public long classifiers() {
    return voters.classifiers();
  }

  public int points() {
    return voters.points();
  }

  public Map<Integer, Double> paper() {
    return table.paper();
  }

  public String radiusHeader() {
    return table.radiusHeader();
  }

  /** One noised classifier's accuracy on noised test points. */
  public double baseAccuracy() {
    return stats().baseAccuracy();
  }

  /** Training and predicting, per classifier, as summary.json reports them. */
  public double msPerClassifier() {
    return Summary.msPerClassifier(stats().trainNanos(), classifiers())
        + Summary.msPerClassifier(stats().predictNanos(), classifiers());
  }
}
