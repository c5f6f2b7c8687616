package org.smoothcert.report;

import java.util.List;
import java.util.Map;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.certify.VotesNeeded;
import org.smoothcert.config.Certifiers;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.smoothing.Scheme;
import org.smoothcert.votes.VoteCounts;

/**
 * A run's reports: the ceiling line the console shows before training, and the files a certificate is
 * written to beside its summary.json ({@link RunRecord}): points.csv, curve.csv and the plot.
 */
public final class Reports {
  /** The paper's certified accuracy (Wang et al. 2020, MNIST 1/7, beta = 0.9, N = 10,000): 36% at r = 2. */
  private static final Map<Integer, Double> PAPER = Map.of(2, 0.36);

  /** Radii whose votes needed the ceiling lists before the last one. */
  private static final int VOTES_SHOWN = 3;

  private Reports() {}

  /**
   * What N classifiers can certify at all, shown before the (long) training starts; an N that cannot
   * certify even radius 0 is said plainly (a sweep over N may include such values on purpose).
   *
   * @param featureDomain the largest domain of the data's feature columns
   */
  public static String ceiling(RunConfig config, int featureDomain, int trainingExamples) {
    if (config.smoothing().scheme() != Scheme.FLIP) {
      return SchemeLines.ceiling(config, Certifiers.certifier(config, featureDomain, trainingExamples),
          Certifiers.alphaSplit(config),
          featureDomain, trainingExamples);
    }
    AlphaSplit split = Certifiers.alphaSplit(config);
    L0Certificate certificate = Certifiers.certificate(config, featureDomain);
    long bounded = Certifiers.estimationClassifiers(config);
    Ceiling ceiling = Certifiers.ceiling(config, featureDomain, bounded);
    int limit = config.certify().maxRadius();
    int max = certificate.radius(ceiling.unanimousPLower(), limit);
    String n = config.certify().selectionClassifiers() == 0 ? String.format("N=%,d", bounded)
        : String.format("N - n0 = %,d (n0 = %,d choose the class)", bounded, config.certify().selectionClassifiers());
    if (max < 0) {
      long needed = Ceiling.classifiersNeeded(certificate, 0, split.perBound());
      return String.format("warning: with %s no point can be certified: even a unanimous vote gives p_lower=%.4f <= 1/2;"
          + " radius 0 needs %s >= %,d%n", n, ceiling.unanimousPLower(),
          config.certify().selectionClassifiers() == 0 ? "N" : "N - n0", needed);
    }
    // What the run's certifier asks of one point; with the runner-up bound, from the other votes spread
    // over the other classes (fewest) to all on one (most). The first radii and the last one: a
    // near-chance beta certifies hundreds of radii.
    VotesNeeded plan = new VotesNeeded(certificate, split, bounded);
    StringBuilder votes = new StringBuilder();
    for (int r = 0; r <= max; r++) {
      if (r < VOTES_SHOWN || r == max) {
        votes.append(r == 0 ? "" : ", ").append("r=").append(r).append(": ").append(plan.spread(r));
        if (plan.dependsOnTheOthers()) {
          votes.append('-').append(plan.concentrated(r));
        }
      } else if (r == VOTES_SHOWN) {
        votes.append(", ...");
      }
    }
    String which = plan.dependsOnTheOthers() ? String.format(" (runner-up bound: the other votes spread over the"
        + " %d other classes - all on one)", config.classes() - 1) : "";
    String head = String.format("certificate: beta=%s, %s, %s; votes needed for the top class%s: %s%n",
        config.smoothing().beta(), n, split.describe(), which, votes);
    if (max == limit) {
      return head + String.format("ceiling: %s = %d stops the search: a unanimous vote of %s certifies every radius"
          + " up to it (raise %s to search further)%n", ConfigKeys.MAX_RADIUS, limit, n, ConfigKeys.MAX_RADIUS)
          + split.provenNote();
    }
    long needed = Ceiling.classifiersNeeded(certificate, max + 1, split.perBound());
    return head + String.format("ceiling: no radius above %d is certifiable with %s (radius %d needs %,d)%n",
        max, n, max + 1, needed) + split.provenNote();
  }

  /**
   * Writes a certificate's reports into {@code dir}: points.csv, curve.csv and the plot (summary.json is
   * its {@link RunRecord}'s, written last).
   */
  public static void write(ReportFolder dir, RunRecord.Certificate certificate, TestPoints points) {
    RunConfig config = certificate.config();
    AlphaSplit split = certificate.split();
    CertificationResult result = certificate.result();
    long classifiers = certificate.votes().classifiers();
    int shown = certificate.estimation().points();
    CurvePlot plot = certificate.flip() ? new CurvePlot("Certified accuracy against backdoor attacks",
        String.format("beta=%s, N=%,d, %s, %d test points", config.smoothing().beta(), classifiers,
            split.describe(), shown))
        .perturbing(config.table().format().isTable() ? "features" : "pixels")
        : new CurvePlot("Certified accuracy against poisoned training examples",
            SchemeLines.subtitle(config, certificate.trainingExamples(), classifiers, split,
                certificate.certifier().deterministic(), shown))
        .xLabel(SchemeLines.axis(config));
    plot.addCurve("smoothcert (" + config.learner().describe() + ")", result.curve());
    if (isPaperSetting(config, certificate.estimation())) {
      PAPER.forEach((r, acc) -> plot.addReference("paper: Wang et al. 2020", r, acc));
    }
    dir.writeText("points.csv", PointsCsv.render(result, points.sourceIndices()));
    dir.writeText("curve.csv", certificate.flip() ? CurveCsv.render(result)
        : CurveCsv.render(result, SchemeLines.column(certificate.scheme())));
    dir.writeBytes("certified-accuracy.png", plot.png());
    dir.writeText("certified-accuracy.svg", plot.svg());
  }

  /**
   * What the reports written to {@code location} show, for the console.
   *
   * @param startNanos when the run started ({@link System#nanoTime()})
   */
  public static RunReport report(String location, RunRecord.Certificate certificate, long startNanos) {
    VoteCounts votes = certificate.estimation();
    return new RunReport(new RunReport.Written(location, (System.nanoTime() - startNanos) / 1e9), certificate.result(),
        new RunReport.Voters(certificate.votes().stats(), certificate.votes().classifiers(), votes.points()),
        new RunReport.Table(isPaperSetting(certificate.config(), votes) ? PAPER : Map.of(),
            certificate.flip() ? RunReport.EVERY_RADIUS : SchemeLines.unitHeader(certificate.scheme())));
  }

  /** The paper's figure is only comparable in the paper's own setting. */
  private static boolean isPaperSetting(RunConfig config, VoteCounts votes) {
    return config.smoothing().scheme() == Scheme.FLIP && config.data().certified() == CertifiedPoints.TEST && !config.table().format().isTable()
        && config.data().digits().equals(List.of(1, 7)) && config.data().levels() == 2
        && config.data().trainSize() == 100 && votes.points() == 1000 && config.smoothing().beta() == 0.9
        && votes.classifiers() == 10_000 && config.certify().alpha() == 0.001;
  }
}
