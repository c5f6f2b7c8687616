package org.smoothcert.app;

import java.io.PrintWriter;
import org.smoothcert.UserError;
import org.smoothcert.certify.L0Certificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smoothcert radius}: the certified L0 radius for one p_lower; the last line is the integer. */
@Command(name = "radius",
    description = "The certified L0 radius for a lower bound p_lower of the top class's probability; the last"
        + " line is the radius (-1 = abstain).")
final class RadiusCommand extends Subcommand {
  @Mixin
  CertificateOptions certificateOptions;

  @Option(names = "--p-lower", required = true, paramLabel = "P",
      description = "lower bound of the top class's probability, in [0, 1]")
  double pLower;

  @Option(names = "--p-upper", paramLabel = "Q",
      description = "upper bound of the runner-up class's probability, in [0, 1], as a run with the runner-up bound"
          + " uses it (default: 1 - p_lower)")
  Double pUpper;

  @Option(names = "--max-radius", paramLabel = "R", defaultValue = "" + L0Certificate.DEFAULT_MAX_RADIUS,
      description = "where the search stops, in [0, " + L0Certificate.LARGEST_MAX_RADIUS + "] (default:"
          + " ${DEFAULT-VALUE})")
  int maxRadius;

  /** How long the search may take: exact thresholds cost time cubic in r, more for a beta of many digits. */
  static final long SEARCH_BUDGET_NANOS = 20_000_000_000L;

  /**
   * {@link L0Certificate#radius(double, int)}, refused in one line once it has run {@code budgetNanos}
   * (e.g. beta = 0.5000000001, whose thresholds rise so slowly that the search runs far out).
   */
  static int searchWithin(L0Certificate certificate, double p, int maxRadius, long budgetNanos) {
    int step = Math.min(maxRadius, 25);
    long deadline = System.nanoTime() + budgetNanos;
    int reached = 0;
    while (true) {
      int r = certificate.radius(p, reached + step);
      if (r < reached + step || r == maxRadius) {
        return r;
      }
      reached = r;
      step = Math.min(step, maxRadius - reached);
      if (System.nanoTime() > deadline) {
        throw new UserError(String.format("--max-radius %d: the search reached radius %d in %d s and was stopped"
            + " (p_lower is above every threshold so far; each exact threshold costs more the further out);"
            + " the radius is at least %d: give --max-radius %d or less for an answer", maxRadius, reached,
            budgetNanos / 1_000_000_000L, reached, reached));
      }
    }
  }

  @Override
  int run(PrintWriter out) {
    L0Certificate certificate = certificateOptions.certificate();
    double p = pLower;
    if (!(p >= 0 && p <= 1)) {
      throw new UserError("--p-lower must be in [0, 1], got " + p);
    }
    CertificateOptions.maxRadius(maxRadius);

    if (pUpper != null && !(pUpper >= 0 && pUpper <= 1)) {
      throw new UserError("--p-upper must be in [0, 1], got " + pUpper);
    }
    int radius = pUpper == null ? searchWithin(certificate, p, maxRadius, SEARCH_BUDGET_NANOS)
        : certificate.radius(p, pUpper, maxRadius);
    if (radius == L0Certificate.ABSTAIN) {
      out.println(pUpper == null ? "p_lower=" + p + " <= 1/2: the smoothed classifier abstains"
          : "p_lower=" + p + " does not exceed p_upper=" + pUpper + ": the smoothed classifier abstains");
    } else if (radius == maxRadius) {
      out.println("radius is at least " + maxRadius + " (the search stops at --max-radius)");
    } else if (pUpper != null) {
      out.printf("with the runner-up bounded by p_upper=%s, the worst case keeps the top class ahead at r=%d but not"
          + " at r=%d%n", pUpper, radius, radius + 1);
    } else {
      out.printf("p_lower=%s exceeds the threshold of r=%d (%s) but not that of r=%d (about %s)%n",
          p, radius, CertificateOptions.up(certificate.thresholdUp(radius), 12), radius + 1,
          CertificateOptions.up(certificate.thresholdUp(radius + 1), 12));
    }
    out.println(radius);
    return 0;
  }
}
