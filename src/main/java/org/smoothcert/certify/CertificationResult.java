package org.smoothcert.certify;

import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.VoteCounts;

/**
 * Every test point's certificate and the certified-accuracy curve of a run: what the reports show.
 *
 * @param certificates one per test point
 * @param trueLabels the test points' classes
 * @param votes the votes whose counts were bounded
 * @param curve certified accuracy at r = 0 .. curve.length - 1
 */
public record CertificationResult(Certificate[] certificates, int[] trueLabels, VoteCounts votes, double[] curve) {
  public static CertificationResult of(RunVotes runVotes, int[] trueLabels, Certifier certifier) {
    VoteCounts votes = runVotes.estimation();
    if (trueLabels.length != votes.points()) {
      throw new IllegalArgumentException(trueLabels.length + " labels for " + votes.points() + " points");
    }
    Certificate[] certificates = certifier.certifyAll(runVotes.selection(), votes);
    int largest = CertifiedAccuracy.largestRadius(certificates);
    double[] curve = CertifiedAccuracy.curve(certificates, trueLabels, Math.max(largest, 0) + 1);
    return new CertificationResult(certificates, trueLabels, votes, curve);
  }

  /** Certified accuracy at r (0 beyond the curve). */
  public double accuracyAt(int r) {
    return r < curve.length ? curve[r] : 0.0;
  }

  /**
   * The share of points whose votes reach radius r's threshold, whatever their true label: the
   * certified share, of which {@link #accuracyAt} counts the correct part.
   */
  public double certifiedShareAt(int r) {
    int n = 0;
    for (Certificate c : certificates) {
      if (!c.abstained() && c.radius() >= r) {
        n++;
      }
    }
    return certificates.length == 0 ? 0.0 : (double) n / certificates.length;
  }

  public int abstentions() {
    int n = 0;
    for (Certificate c : certificates) {
      if (c.abstained()) {
        n++;
      }
    }
    return n;
  }
}
