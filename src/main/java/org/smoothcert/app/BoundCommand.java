package org.smoothcert.app;

import java.io.PrintWriter;
import org.smoothcert.UserError;
import org.smoothcert.certify.ClopperPearson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smoothcert bound}: the one-sided Clopper–Pearson lower bound; the last line is the value. */
@Command(name = "bound",
    description = "The one-sided Clopper-Pearson lower bound of a probability from K successes in N trials, at"
        + " confidence 1 - A; the last line is the bound.")
final class BoundCommand extends Subcommand {
  @Option(names = "--count", required = true, paramLabel = "K", description = "number of successes, in [0, N]")
  long count;

  @Mixin
  Confidence confidence;

  @Override
  int run(PrintWriter out) {
    long k = count;
    long n = confidence.trials();
    if (k < 0 || k > n) {
      throw new UserError("--count must be in [0, --n=" + n + "], got " + k);
    }
    double alpha = confidence.alpha();

    double lower = ClopperPearson.lower(k, n, alpha);
    out.printf("P(p >= bound) >= 1 - %s for %d of %d; upper bound at the same confidence: %s%n",
        alpha, k, n, ClopperPearson.upper(k, n, alpha));
    out.println(lower);
    return 0;
  }
}
