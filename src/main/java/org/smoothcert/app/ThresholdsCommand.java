package org.smoothcert.app;

import java.io.PrintStream;
import java.util.Set;
import org.smoothcert.UserError;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.L0Certificate;

/**
 * {@code smoothcert thresholds}: radius -> minimal p_lower, and with --n/--alpha/--points the votes
 * each radius needs and the largest radius N classifiers can certify at all.
 */
final class ThresholdsCommand implements Command {
  private static final int DEFAULT_ROWS = 10;

  @Override
  public String summary() {
    return "table radius -> minimal p_lower [and votes needed with --n --alpha --points]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of("no-class-split"));
    L0Certificate certificate = CertificateOptions.certificate(args);
    boolean withVotes = args.has("n") || args.has("alpha") || args.has("points");
    Ceiling ceiling = null;
    AlphaSplit split = null;
    if (withVotes) {
      long n = CertificateOptions.trials(args);
      double alpha = CertificateOptions.alpha(args);
      int points = args.intOr("points", 1);
      if (points < 1) {
        throw new UserError("--points must be at least 1, got " + points);
      }
      try {
        split = AlphaSplit.of(alpha, points, certificate.labelDomain(), !args.flag("no-class-split"));
      } catch (IllegalArgumentException e) {
        throw new UserError("--alpha: " + e.getMessage());
      }
      ceiling = new Ceiling(certificate, n, split.perBound());
    }
    int rows = withVotes ? Math.max(ceiling.maxRadius() + 1, 1) : DEFAULT_ROWS;
    int maxRadius = CertificateOptions.maxRadius(args, rows);
    args.rejectUnknown();

    out.printf("beta=%s, feature domain %d, label domain %d (the worst case spends the budget on domain %d)%n",
        certificate.beta(), certificate.featureDomain(), certificate.labelDomain(),
        certificate.effectiveDomain());
    if (ceiling == null) {
      out.printf("%-7s %s%n", "radius", "p_lower must exceed");
      for (int r = 0; r <= maxRadius; r++) {
        out.printf("%-7d %s%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15));
      }
      return 0;
    }
    long n = args.requireLong("n");
    out.printf("N=%d classifiers, alpha per bound %s%n", n, split.describe());
    out.printf("%-7s %-20s %s%n", "radius", "p_lower must exceed", "votes needed (of " + n + ")");
    for (int r = 0; r <= maxRadius; r++) {
      long votes = ceiling.votesNeeded(r);
      out.printf("%-7d %-20s %s%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15),
          votes < 0 ? "impossible" : Long.toString(votes));
    }
    int max = ceiling.maxRadius();
    out.printf("ceiling: a unanimous vote gives p_lower=%.10f, so the largest certifiable radius is %d;"
            + " radius %d needs N >= %d%n",
        ceiling.unanimousPLower(), max, max + 1,
        Ceiling.classifiersNeeded(certificate, max + 1, split.perBound()));
    return 0;
  }
}
