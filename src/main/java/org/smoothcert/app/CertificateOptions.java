package org.smoothcert.app;

import org.smoothcert.UserError;
import org.smoothcert.certify.Beta;
import org.smoothcert.certify.ClopperPearson;
import org.smoothcert.certify.L0Certificate;
import picocli.CommandLine.Option;

/**
 * The options every certificate command shares: --beta, --feature-domain, --label-domain; and the
 * range checks of the other certificate options, each message naming its option.
 */
final class CertificateOptions {
  @Option(names = "--beta", paramLabel = "B", description = "probability that the noise keeps a value, in (0, 1)")
  Double beta;

  @Option(names = "--feature-domain", paramLabel = "K",
      description = "number of values a feature takes (pixel levels), in [2, 256]")
  Integer featureDomain;

  @Option(names = "--label-domain", paramLabel = "C",
      description = "number of values a label takes (classes), in [2, 256]")
  Integer labelDomain;

  /** The label domain (classes), required. */
  int classes() {
    if (labelDomain == null) {
      throw new UserError("--label-domain is required (the number of classes)");
    }
    domain("label-domain", labelDomain);
    return labelDomain;
  }

  L0Certificate certificate() {
    if (beta == null || featureDomain == null || labelDomain == null) {
      throw new UserError("--beta, --feature-domain and --label-domain are required for the flip noise's certificate"
          + " (or --bag-size and --training-examples for bagging's, with thresholds)");
    }
    Beta.requireInRange("--beta", beta, UserError::new);
    domain("feature-domain", featureDomain);
    domain("label-domain", labelDomain);
    Beta.requireAboveChance("--beta", beta, featureDomain, labelDomain, UserError::new);
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
