package org.smoothcert.app;

import java.util.Set;
import org.smoothcert.UserError;
import org.smoothcert.certify.ClopperPearson;
import org.smoothcert.certify.L0Certificate;

/** The options every certificate command shares: --beta, --feature-domain, --label-domain. */
final class CertificateOptions {
  static final Set<String> NO_FLAGS = Set.of();

  private CertificateOptions() {}

  static L0Certificate certificate(Args args) {
    double beta = args.requireDouble("beta");
    if (!(beta > 0 && beta < 1)) {
      throw new UserError("--beta must be in (0, 1), got " + beta);
    }
    int featureDomain = domain(args, "feature-domain");
    int labelDomain = domain(args, "label-domain");
    L0Certificate.requireBetaAboveChance("--beta", beta, featureDomain, labelDomain, UserError::new);
    return L0Certificate.of(beta, featureDomain, labelDomain);
  }

  private static int domain(Args args, String name) {
    int d = args.requireInt(name);
    if (d < 2 || d > 256) {
      throw new UserError("--" + name + " must be in [2, 256], got " + d);
    }
    return d;
  }

  /** A threshold for display, rounded up: a value printed as "must exceed" must never be too low. */
  static String up(double threshold, int digits) {
    return new java.math.BigDecimal(threshold).setScale(digits, java.math.RoundingMode.UP).toPlainString();
  }

  static int maxRadius(Args args, int fallback) {
    int r = args.intOr("max-radius", fallback);
    if (r < 0 || r > 100_000) {
      throw new UserError("--max-radius must be in [0, 100000], got " + r);
    }
    return r;
  }

  static double alpha(Args args) {
    double alpha = args.requireDouble("alpha");
    if (!(alpha >= ClopperPearson.SMALLEST_ALPHA && alpha < 1)) {
      throw new UserError("--alpha must be in [" + ClopperPearson.SMALLEST_ALPHA + ", 1), got " + alpha);
    }
    return alpha;
  }

  static long trials(Args args) {
    long n = args.requireLong("n");
    if (n < 1) {
      throw new UserError("--n must be at least 1, got " + n);
    }
    return n;
  }
}
