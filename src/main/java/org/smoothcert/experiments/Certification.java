package org.smoothcert.experiments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.ReportFolder;
import org.smoothcert.report.Reports;
import org.smoothcert.report.RunRecord;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.CertificateHistory;
import org.smoothcert.run.OutputManifest;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.votes.RunVotes;

/**
 * The certification step of {@code run}, {@code certify} and the attacks: the look at the votes is
 * recorded in their certificate history ({@link #recorded}) before any result can be seen, then the votes
 * are certified, the reports written and the run's {@link RunRecord} built and written as summary.json
 * ({@link #write}).
 */
public final class Certification {
  private final RunConfig config;
  private final CertificateHistory.Look look;
  private final CertificateHistory history;

  private Certification(RunConfig config, CertificateHistory.Look look, CertificateHistory history) {
    this.config = config;
    this.look = look;
    this.history = history;
  }

  /**
   * Records the certificate {@code config} computes in the history beside {@code votes}: once a result can
   * be seen, it counts as a look at these votes, wherever its reports go.
   */
  public static Certification recorded(RunDirectory votes, RunConfig config) {
    CertificateHistory.Look look = CertificateHistory.Look.of(config);
    return new Certification(config, look, votes.recordCertificate(look));
  }

  /** The history of the votes with this certificate in it. */
  public CertificateHistory history() {
    return history.with(look);
  }

  /** The caution when this is not the only certificate computed on these votes. */
  public Optional<String> caution() {
    return Optional.ofNullable(history.warning(look));
  }

  /**
   * Certifies the votes, writes the reports and summary.json into {@code out} and says what they show.
   *
   * @param featureDomain the largest domain of the data's feature columns
   * @param trainingExamples n, the clean training set's size
   * @param data the data section of summary.json
   * @param origin where the votes came from
   * @param training the record of the run that trained the votes, where this one did not train them all
   * @param startNanos when the run started ({@link System#nanoTime()})
   */
  public RunReport write(RunDirectory out, int featureDomain, int trainingExamples, RunVotes votes,
      TestPoints points, Map<String, Object> data, RunRecord.Origin origin, Optional<RunRecord.Training> training,
      long startNanos) {
    long t0 = System.nanoTime();
    RunRecord.Certificate certificate = RunRecord.Certificate.of(config, featureDomain, trainingExamples, votes,
        points.trueLabels());
    Reports.write(folder(out), certificate, points);
    RunRecord.Run run = new RunRecord.Run(origin, training, looks(), new RunRecord.Run.Seconds(
        RunRecord.seconds(System.nanoTime() - t0), RunRecord.seconds(System.nanoTime() - startNanos)));
    out.writeText(RunRecord.FILE, new RunRecord(certificate, run, data).render());
    return Reports.report(out.location(), certificate, startNanos);
  }

  /** The other certificates on these votes, as the run record lists them; empty when there are none. */
  private Optional<RunRecord.Looks> looks() {
    List<CertificateHistory.Look> others = history().others(look);
    if (others.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RunRecord.Looks(others.stream()
        .map(l -> new RunRecord.Look(l.classifiers(), l.alpha(), l.settings())).toList(),
        history().jointConfidence(), history.warning(look)));
  }

  /**
   * The record of the last finished run in {@code dir}, read before a new run replaces its summary; empty
   * when no run finished there, or its summary does not verify against its manifest (a run stopped while
   * writing its outputs): what it recorded is then lost, never made up.
   */
  static Optional<RunRecord.Stored> finished(RunDirectory dir) {
    if (!dir.exists(RunRecord.FILE) || !dir.exists(OutputManifest.NAME)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunRecord.Stored.parse(dir.readOutput(RunRecord.FILE)));
    } catch (UserError e) {
      return Optional.empty();
    }
  }

  /** A run directory as the reports see it. */
  private static ReportFolder folder(RunDirectory dir) {
    return new ReportFolder() {
      @Override
      public String location() {
        return dir.location();
      }

      @Override
      public void writeText(String name, String text) {
        dir.writeText(name, text);
      }

      @Override
      public void writeBytes(String name, byte[] bytes) {
        dir.writeBytes(name, bytes);
      }
    };
  }
}
