package org.smoothcert.certify;

/**
 * Certified accuracy at radius r: the share of ALL test points whose smoothed prediction is correct
 * with radius >= r (abstentions count as failures).
 */
public final class CertifiedAccuracy {
  private CertifiedAccuracy() {}

  /** Accuracy at r = 0 .. maxRadius. */
  public static double[] curve(Certificate[] certificates, int[] trueLabels, int maxRadius) {
    if (certificates.length != trueLabels.length || certificates.length == 0) {
      throw new IllegalArgumentException(
          certificates.length + " certificates for " + trueLabels.length + " labels");
    }
    double[] acc = new double[maxRadius + 1];
    for (int r = 0; r <= maxRadius; r++) {
      int ok = 0;
      for (int i = 0; i < certificates.length; i++) {
        if (certificates[i].certifiedAt(trueLabels[i], r)) {
          ok++;
        }
      }
      acc[r] = (double) ok / certificates.length;
    }
    return acc;
  }

  /** The largest radius any certificate reaches (-1 when all abstain). */
  public static int largestRadius(Certificate[] certificates) {
    int max = L0Certificate.ABSTAIN;
    for (Certificate c : certificates) {
      max = Math.max(max, c.radius());
    }
    return max;
  }
}
