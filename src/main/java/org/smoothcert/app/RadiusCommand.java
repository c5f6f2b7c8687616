package org.smoothcert.app;

import java.io.PrintStream;
import org.smoothcert.UserError;
import org.smoothcert.certify.L0Certificate;

/** {@code smoothcert radius}: the certified L0 radius for one p_lower; the last line is the integer. */
final class RadiusCommand implements Command {
  @Override
  public String summary() {
    return "certified L0 radius for --beta --feature-domain --label-domain --p-lower (-1 = abstain)";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, CertificateOptions.NO_FLAGS);
    L0Certificate certificate = CertificateOptions.certificate(args);
    double p = args.requireDouble("p-lower");
    if (!(p >= 0 && p <= 1)) {
      throw new UserError("--p-lower must be in [0, 1], got " + p);
    }
    int maxRadius = CertificateOptions.maxRadius(args, L0Certificate.DEFAULT_MAX_RADIUS);
    args.rejectUnknown();

    int radius = certificate.radius(p, maxRadius);
    if (radius == L0Certificate.ABSTAIN) {
      out.println("p_lower=" + p + " <= 1/2: the smoothed classifier abstains");
    } else if (radius == maxRadius) {
      out.println("radius is at least " + maxRadius + " (the search stops at --max-radius)");
    } else {
      out.printf("p_lower=%s exceeds the threshold of r=%d (%s) but not that of r=%d (about %s)%n",
          p, radius, CertificateOptions.up(certificate.thresholdUp(radius), 12), radius + 1,
          CertificateOptions.up(certificate.thresholdUp(radius + 1), 12));
    }
    out.println(radius);
    return 0;
  }
}
