package org.smoothcert.app;

import java.io.PrintWriter;
import org.smoothcert.UserError;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.L0Certificate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert thresholds}: radius -> minimal p_lower, and with --n/--alpha/--points the votes
 * each radius needs and the largest radius N classifiers can certify at all.
 */
@Command(name = "thresholds",
    description = "The table radius -> minimal p_lower; with --n and --alpha also the votes each radius needs and"
        + " the largest radius N classifiers can certify.")
final class ThresholdsCommand extends Subcommand {
  private static final int DEFAULT_ROWS = 10;

  @Mixin
  CertificateOptions certificateOptions;

  @ArgGroup(exclusive = false, heading = "Votes needed (--n and --alpha together):%n")
  Votes votes;

  @Option(names = "--max-radius", paramLabel = "R",
      description = "last radius of the table, in [0, 100000] (default: 10; with --n, one past the largest certifiable radius)")
  Integer maxRadius;

  /** N classifiers, the confidence, and how many points share it. */
  static final class Votes extends Confidence {
    @Option(names = "--points", paramLabel = "M", defaultValue = "1",
        description = "number of test points certified with the same alpha (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--no-class-split",
        description = "one bound per point at alpha / points, not split over the classes")
    boolean noClassSplit;
  }

  @Override
  int run(PrintWriter out) {
    L0Certificate certificate = certificateOptions.certificate();
    Ceiling ceiling = null;
    AlphaSplit split = null;
    if (votes != null) {
      long n = votes.trials();
      double alpha = votes.alpha();
      if (votes.points < 1) {
        throw new UserError("--points must be at least 1, got " + votes.points);
      }
      try {
        split = AlphaSplit.of(alpha, votes.points, certificate.labelDomain(), !votes.noClassSplit);
      } catch (IllegalArgumentException e) {
        throw new UserError("--alpha: " + e.getMessage());
      }
      ceiling = new Ceiling(certificate, n, split.perBound());
    }
    int rows = ceiling != null ? Math.max(ceiling.maxRadius() + 1, 1) : DEFAULT_ROWS;
    int lastRadius = CertificateOptions.maxRadius(maxRadius == null ? rows : maxRadius);

    out.printf("beta=%s, feature domain %d, label domain %d (the worst case spends the budget on domain %d)%n",
        certificate.beta(), certificate.featureDomain(), certificate.labelDomain(),
        certificate.effectiveDomain());
    if (ceiling == null) {
      out.printf("%-7s %s%n", "radius", "p_lower must exceed");
      for (int r = 0; r <= lastRadius; r++) {
        out.printf("%-7d %s%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15));
      }
      return 0;
    }
    long n = votes.n;
    out.printf("N=%d classifiers, alpha per bound %s%n", n, split.describe());
    out.printf("%-7s %-20s %s%n", "radius", "p_lower must exceed", "votes needed (of " + n + ")");
    for (int r = 0; r <= lastRadius; r++) {
      long needed = ceiling.votesNeeded(r);
      out.printf("%-7d %-20s %s%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15),
          needed < 0 ? "impossible" : Long.toString(needed));
    }
    int max = ceiling.maxRadius();
    if (max == L0Certificate.DEFAULT_MAX_RADIUS) {
      out.printf("ceiling: a unanimous vote gives p_lower=%.10f, which certifies every radius up to %d, where the"
          + " search stops%n", ceiling.unanimousPLower(), max);
      return 0;
    }
    out.printf("ceiling: a unanimous vote gives p_lower=%.10f, so the largest certifiable radius is %d;"
            + " radius %d needs N >= %d%n",
        ceiling.unanimousPLower(), max, max + 1,
        Ceiling.classifiersNeeded(certificate, max + 1, split.perBound()));
    return 0;
  }
}
