package org.smoothcert.app;

import org.smoothcert.UserError;
import org.smoothcert.certify.ClopperPearson;
import org.smoothcert.certify.L0Certificate;
import picocli.CommandLine.Option;

/**
 * The options every certificate command shares: --beta, --feature-domain, --label-domain; and the
 * range checks of the other certificate options, each message naming its option.
 */
final class CertificateOptions {
  @Option(names = "--beta", required = true, paramLabel = "B", description = "probability that the noise keeps a value, in (0, 1)")
  double beta;

  @Option(names = "--feature-domain", required = true, paramLabel = "K",
      description = "number of values a feature takes (pixel levels), in [2, 256]")
  int featureDomain;

  @Option(names = "--label-domain", required = true, paramLabel = "C",
      description = "number of values a label takes (classes), in [2, 256]")
  int labelDomain;

  L0Certificate certificate() {
    if (!(beta > 0 && beta < 1)) {
      throw new UserError("--beta must be in (0, 1), got " + beta);
    }
    domain("feature-domain", featureDomain);
    domain("label-domain", labelDomain);
    L0Certificate.requireBetaAboveChance("--beta", beta, featureDomain, labelDomain, UserError::new);
    return L0Certificate.of(beta, featureDomain, labelDomain);
  }

  private static void domain(String name, int d) {
    if (d < 2 || d > 256) {
      throw new UserError("--" + name + " must be in [2, 256], got " + d);
    }
  }

  /** A threshold for display, rounded up: a value printed as "must exceed" must never be too low. */
  static String up(double threshold, int digits) {
    return new java.math.BigDecimal(threshold).setScale(digits, java.math.RoundingMode.UP).toPlainString();
  }

  static int maxRadius(int r) {
    if (r < 0 || r > L0Certificate.LARGEST_MAX_RADIUS) {
      throw new UserError("--max-radius must be in [0, " + L0Certificate.LARGEST_MAX_RADIUS + "], got " + r);
    }
    return r;
  }

  static double alpha(double alpha) {
    if (!(alpha >= ClopperPearson.SMALLEST_ALPHA && alpha < 1)) {
      throw new UserError("--alpha must be in [" + ClopperPearson.SMALLEST_ALPHA + ", 1), got " + alpha);
    }
    return alpha;
  }

  static long trials(long n) {
    if (n < 1) {
      throw new UserError("--n must be at least 1, got " + n);
    }
    return n;
  }
}
