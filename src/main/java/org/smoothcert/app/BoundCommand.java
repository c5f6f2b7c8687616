package org.smoothcert.app;

import java.io.PrintStream;
import org.smoothcert.UserError;
import org.smoothcert.certify.ClopperPearson;

/** {@code smoothcert bound}: the one-sided Clopper–Pearson lower bound; the last line is the value. */
final class BoundCommand implements Command {
  @Override
  public String summary() {
    return "one-sided Clopper-Pearson lower bound for --count K of --n N at confidence 1 - --alpha";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, CertificateOptions.NO_FLAGS);
    long k = args.requireLong("count");
    long n = CertificateOptions.trials(args);
    if (k < 0 || k > n) {
      throw new UserError("--count must be in [0, --n=" + n + "], got " + k);
    }
    double alpha = CertificateOptions.alpha(args);
    args.rejectUnknown();

    double lower = ClopperPearson.lower(k, n, alpha);
    out.printf("P(p >= bound) >= 1 - %s for %d of %d; upper bound at the same confidence: %s%n",
        alpha, k, n, ClopperPearson.upper(k, n, alpha));
    out.println(lower);
    return 0;
  }
}
