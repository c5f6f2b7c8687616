package org.smoothcert.app;

import java.io.PrintWriter;
import org.smoothcert.UserError;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.BaggingCertificate;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.certify.VotesNeeded;
import org.smoothcert.report.ConsoleTable;
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

  @ArgGroup(exclusive = false, heading = "Bagging's certificate instead of the flip noise's (poisoned training examples):%n")
  Bagging bagging;

  /** n and k: bagging's certificate (Jia, Cao and Gong 2021). */
  static final class Bagging {
    @Option(names = "--bag-size", required = true, paramLabel = "K", description = "examples in each bag (k)")
    int bagSize;

    @Option(names = "--training-examples", required = true, paramLabel = "N_TRAIN",
        description = "examples in the clean training set (n)")
    int trainingExamples;

    @Option(names = "--without-replacement", description = "bags of k distinct examples (default: with replacement)")
    boolean withoutReplacement;
  }

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

    @Option(names = "--runner-up",
        description = "bound the runner-up class on its own, as a run with certify.runner-up does (the run's auto:"
            + " with more than two classes)")
    boolean runnerUp;

    @Option(names = "--n0", paramLabel = "N0", defaultValue = "0",
        description = "two-sample protocol: the first N0 of the N classifiers only choose the class"
            + " (certify.selection-classifiers; default: ${DEFAULT-VALUE}, off)")
    long n0;
  }

  @Override
  int run(PrintWriter out) {
    if (bagging != null) {
      return bagging(out);
    }
    L0Certificate certificate = certificateOptions.certificate();
    Ceiling ceiling = null;
    AlphaSplit split = null;
    VotesNeeded plan = null;
    if (votes != null) {
      long n = votes.trials();
      double alpha = votes.alpha();
      if (votes.points < 1) {
        throw new UserError("--points must be at least 1, got " + votes.points);
      }
      if (votes.n0 < 0 || votes.n0 >= n) {
        throw new UserError("--n0 must be in [0, --n), got " + votes.n0);
      }
      if (n - votes.n0 > Integer.MAX_VALUE) {
        throw new UserError("--n minus --n0 must be at most " + Integer.MAX_VALUE + ", got " + (n - votes.n0));
      }
      try {
        // The run's own split (Certifiers.alphaSplit): class split, runner-up bound, two-sample protocol.
        split = AlphaSplit.of(alpha, votes.points, certificate.labelDomain(), !votes.noClassSplit, votes.runnerUp,
            votes.n0 > 0);
      } catch (IllegalArgumentException e) {
        throw new UserError("--alpha: " + e.getMessage());
      }
      ceiling = new Ceiling(certificate, n - votes.n0, split.perBound());
      plan = new VotesNeeded(certificate, split, n - votes.n0);
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
    long bounded = n - votes.n0;
    out.printf("N=%d classifiers%s, alpha per bound %s%n", n, votes.n0 == 0 ? ""
        : String.format(" (the first n0=%d choose the class, the other %d bound it)", votes.n0, bounded),
        split.describe());
    String of = "votes needed (of " + bounded + ")";
    if (plan.dependsOnTheOthers()) {
      out.printf("%-7s %-20s %-36s %s%n", "radius", "p_lower must exceed", of + ", others spread", "others on one class");
    } else {
      out.printf("%-7s %-20s %s%n", "radius", "p_lower must exceed", of);
    }
    for (int r = 0; r <= lastRadius; r++) {
      long needed = plan.spread(r);
      String votesNeeded = needed < 0 ? "impossible" : Long.toString(needed);
      if (plan.dependsOnTheOthers() && needed >= 0) {
        out.printf("%-7d %-20s %-36s %d%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15), votesNeeded,
            plan.concentrated(r));
      } else {
        out.printf("%-7d %-20s %s%n", r, CertificateOptions.up(certificate.thresholdUp(r), 15), votesNeeded);
      }
    }
    int max = ceiling.maxRadius();
    if (max == L0Certificate.DEFAULT_MAX_RADIUS) {
      out.printf("ceiling: a unanimous vote gives p_lower=%.10f, which certifies every radius up to %d, where the"
          + " search stops%n", ceiling.unanimousPLower(), max);
      out.print(split.provenNote());
      return 0;
    }
    long more = Ceiling.classifiersNeeded(certificate, max + 1, split.perBound());
    out.printf("ceiling: a unanimous vote gives p_lower=%.10f, so the largest certifiable radius is %d;"
            + " radius %d needs N >= %d%n",
        ceiling.unanimousPLower(), max, max + 1, more < 0 ? more : more + votes.n0);
    out.print(split.provenNote());
    return 0;
  }

  /**
   * Bagging: the margin p_A - p_B each radius needs (radii 0, 1, 2, 5, 10, 20, 50, ... up to the largest
   * any vote can certify), and with --n and --alpha the votes that reach it.
   */
  private int bagging(PrintWriter out) {
    if (certificateOptions.beta != null || certificateOptions.featureDomain != null) {
      throw new UserError("--beta and --feature-domain are the flip noise's: bagging has no noise (leave them out)");
    }
    BaggingCertificate certificate;
    try {
      certificate = BaggingCertificate.of(bagging.trainingExamples, bagging.bagSize, !bagging.withoutReplacement);
    } catch (IllegalArgumentException e) {
      throw new UserError("--bag-size / --training-examples: " + e.getMessage());
    }
    int largest = certificate.largestCertifiableRadius();
    out.printf("bagging: bags of k=%d of n=%d training examples drawn %s; radius = training examples modified,"
        + " inserted or deleted%n", bagging.bagSize, bagging.trainingExamples,
        bagging.withoutReplacement ? "without replacement" : "with replacement");
    VotesNeeded plan = null;
    long bounded = 0;
    if (votes != null) {
      int classes = certificateOptions.classes();
      bounded = votes.trials() - votes.n0;
      AlphaSplit split;
      try {
        split = AlphaSplit.of(votes.alpha(), votes.points, classes, !votes.noClassSplit, votes.runnerUp, votes.n0 > 0);
      } catch (IllegalArgumentException e) {
        throw new UserError("--alpha: " + e.getMessage());
      }
      plan = new VotesNeeded(certificate::radius, split, bounded);
      out.printf("N=%d classifiers, alpha per bound %s%n", votes.n, split.describe());
    }
    // With N, the table ends where a unanimous vote stops certifying (the largest r a vote reaches).
    int ceiling = largest;
    if (plan != null) {
      int lo = -1;
      int hi = largest + 1;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (plan.concentrated(mid) >= 0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      ceiling = lo;
    }
    int last = CertificateOptions.maxRadius(maxRadius == null ? Math.max(ceiling, 0) : Math.min(maxRadius, largest));
    out.printf("%-7s %-24s%s%n", "radius", "p_A - p_B must exceed", plan == null ? ""
        : plan.dependsOnTheOthers() ? "votes needed (of " + bounded + "), others spread - on one class"
        : "votes needed (of " + bounded + ")");
    for (int r : ConsoleTable.shownRadii(last)) {
      String needed = "";
      if (plan != null) {
        long spread = plan.spread(r);
        long one = plan.concentrated(r);
        needed = spread < 0 ? "impossible" : spread == one ? Long.toString(one) : spread + " - " + one;
      }
      out.printf("%-7d %-24s%s%n", r, CertificateOptions.up(certificate.marginNeededUp(r), 15), needed).flush();
    }
    if (plan != null) {
      out.printf("ceiling: a unanimous vote of N=%d certifies radius %d%n", bounded, ceiling);
    }
    out.printf("no margin certifies radius %d: even p_A = 1 falls short%n", largest + 1);
    return 0;
  }
}
