package org.smoothcert.experiments;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.RunRecord;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.CertificateHistory;
import org.smoothcert.run.ReusableSlices;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.SliceVotes;

/**
 * A finished run directory, read back without Spark for re-certification: its config and test points are
 * taken only as its manifest lists them (a run that did not finish writing its outputs is refused), its
 * votes as their checkpoints hold them, what its summary.json recorded through {@link RunRecord.Stored}.
 * The votes are certified by the step a run certifies them with ({@link Certification}).
 */
public final class StoredRun {
  private static final String FORCE = "job.force";
  private final RunDirectory dir;
  private final String configText;

  private StoredRun(RunDirectory dir, String configText) {
    this.dir = dir;
    this.configText = configText;
  }

  public static StoredRun open(String location, Configuration hadoop) {
    RunDirectory dir = RunDirectory.existing(location, hadoop);
    if (!dir.exists(RunDirectory.CONFIG_FILE)) {
      throw new UserError(location + " has no " + RunDirectory.CONFIG_FILE + "; was it written by smoothcert run?");
    }
    return new StoredRun(dir, dir.readOutput(RunDirectory.CONFIG_FILE));
  }

  public String location() {
    return dir.location();
  }

  /**
   * The stored config with overrides of certify.* and smoothing.classifiers only (and job.force, which is
   * asked anew each time: the stored run's is not inherited).
   */
  public RunConfig config(List<String> overrides) {
    StringBuilder text = new StringBuilder(configText).append('\n').append(FORCE).append(" = false\n");
    for (String o : overrides) {
      String key = o.substring(0, Math.max(0, o.indexOf('='))).trim();
      if (!key.startsWith("certify.") && !key.equals("smoothing.classifiers") && !key.equals(FORCE)) {
        throw new UserError("--set " + o + ": re-certification can change certify.* and smoothing.classifiers only;"
            + " other settings change the votes (run smoothcert run with them instead)");
      }
      text.append(o).append('\n');
    }
    RunConfig config = RunConfig.from(ConfigLoader.parseStored(text.toString(), dir.location() + "/" + RunDirectory.CONFIG_FILE));
    requireMadeUnder(config);
    return config;
  }

  /**
   * Refuses a run.conf that disagrees with votes.id, the identity the slices are stamped with: run.conf can
   * be edited (and re-hashed into the manifest), the stamps cannot, so certifying from an edited run.conf
   * would certify votes under settings that did not make them.
   */
  private void requireMadeUnder(RunConfig config) {
    Map<String, String> stored = dir.storedIdentity();
    Map<String, String> current = RunConfig.completeIdentity(
        config.votesIdentity(stored.getOrDefault("data.sha256", "")));
    Config defaults = ConfigLoader.defaults();
    List<String> diffs = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(current.keySet());
    stored.keySet().stream().filter(defaults::hasPath).forEach(keys::add);
    for (String key : keys) {
      String was = stored.get(key);
      String now = current.get(key);
      if (!Objects.equals(was, now)) {
        diffs.add(key + " is " + (was == null ? "unset" : was) + " in " + RunDirectory.IDENTITY + ", "
            + (now == null ? "unset" : now) + " in " + RunDirectory.CONFIG_FILE);
      }
    }
    if (!diffs.isEmpty()) {
      throw new UserError(dir.location() + "/" + RunDirectory.CONFIG_FILE + " disagrees with the "
          + RunDirectory.IDENTITY + " its votes are stamped with (" + String.join("; ", diffs)
          + "); it was edited after the run: restore it, or run smoothcert run with the new settings");
    }
  }

  /**
   * What a re-certification gave, and the caution when it is not the only certificate computed on these
   * votes.
   */
  public record Recertified(RunReport report, Optional<String> caution) {}

  /** Certifies the stored votes of the first N classifiers under {@code config}; the reports go to {@code target}. */
  public RunReport certify(RunConfig config, String target, Configuration hadoop) {
    return recertify(config, target, hadoop).report();
  }

  /**
   * Certifies the stored votes of the first N classifiers under {@code config}, records the certificate
   * beside the votes (certificates.tsv) and writes the reports to {@code target}.
   */
  public Recertified recertify(RunConfig config, String target, Configuration hadoop) {
    long start = System.nanoTime();
    int n = config.smoothing().classifiers();
    long n0 = config.certify().selectionClassifiers();
    List<SliceVotes> stored = dir.readSlices();
    List<SliceVotes> slices = ReusableSlices.of(n, stored, n0);
    long held = ReusableSlices.classifiers(slices);
    if (n0 > 0 && held < n && ReusableSlices.classifiers(ReusableSlices.of(n, stored)) == n) {
      throw new UserError("the stored slices of " + dir.location() + " are not cut at certify.selection-classifiers="
          + n0 + "; pick an n0 at a slice boundary (see votes/), or rerun with smoothcert run to retrain around it");
    }
    if (held < n) {
      throw new UserError(dir.location() + " holds intact votes of " + held + " of " + n + " classifiers; finish"
          + " the run with smoothcert run first (it resumes, retraining the missing ones)" + fewer(slices, n0));
    }
    TestPoints points = TestPoints.parse(dir.readOutput(RunDirectory.TEST_POINTS_FILE), RunDirectory.TEST_POINTS_FILE);
    RunVotes votes = RunVotes.of(slices, points.size(), config.classes(), n0);
    Optional<RunRecord.Stored> made = summary();
    RunDirectory out = RunDirectory.writable(target, hadoop, config.job().force());
    // Recorded beside the votes before the reports, so that every later certification of them counts this
    // one, wherever its reports go; and before the reports can be seen.
    Certification certification = Certification.recorded(dir, config);
    try (out) {
      out.begin();
      out.writeText(RunDirectory.CONFIG_FILE, config.render());
      out.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
      if (!out.location().equals(dir.location())) {
        out.writeText(CertificateHistory.FILE, certification.history().render());
      }
      // Where and how the votes were trained (master, classifiers, timings), kept through re-certifications.
      RunReport report = certification.write(out, featureDomain(config), trainingExamples(config), votes, points,
          made.map(RunRecord.Stored::data).orElse(Map.of()), new RunRecord.Recertified(dir.location()),
          made.flatMap(RunRecord.Stored::training), start);
      out.seal();
      return new Recertified(report, certification.caution());
    }
  }

  /**
   * The fewer classifiers that can be certified instead: those the slices cover from classifier 0 without a
   * gap (certifying that N chooses the same slices; a gap further on, e.g. a damaged slice, is no use).
   */
  private static String fewer(List<SliceVotes> slices, long n0) {
    long covered = ReusableSlices.coveredFromStart(slices);
    if (covered == 0) {
      return "; no fewer can be certified either: no intact slice starts at classifier 0";
    }
    if (covered <= n0) {
      return "; the intact slices cover only classifiers [0, " + covered + ") without a gap, not more than"
          + " certify.selection-classifiers = " + n0;
    }
    return ", or certify the first " + covered + " (the intact slices cover [0, " + covered + ") without a gap)"
        + " with --set smoothing.classifiers=" + covered;
  }

  /**
   * The largest feature domain the stored votes were made with: summary.json's, where the run wrote
   * one; else the configured levels, unless a table's categorical columns made the domains, which only
   * the data knew (certifying with a smaller domain than the noise had would overstate the radii).
   */
  public int featureDomain(RunConfig config) {
    OptionalInt stored = summary().map(RunRecord.Stored::featureDomain).orElse(OptionalInt.empty());
    if (stored.isPresent()) {
      return stored.getAsInt();
    }
    if (!config.table().categoricalColumns().isEmpty()) {
      throw new UserError(dir.location() + " has no summary.json giving the domains of its categorical columns;"
          + " finish the run with smoothcert run first (it resumes)");
    }
    return config.featureDomain();
  }

  /**
   * The clean training set's size n the votes were made with: summary.json's, where the run wrote one
   * (every scheme but the flip noise does, and its certificate needs it); else the configured size.
   */
  public int trainingExamples(RunConfig config) {
    OptionalInt stored = summary().map(RunRecord.Stored::trainingExamples).orElse(OptionalInt.empty());
    if (stored.isPresent()) {
      return stored.getAsInt();
    }
    if (!config.smoothing().isFlip()) {
      throw new UserError(dir.location() + " has no summary.json giving the training set's size its certificate"
          + " needs; finish the run with smoothcert run first (it resumes)");
    }
    return config.data().trainSize();
  }

  /** The stored run's summary.json, as its manifest lists it; empty where it wrote none. */
  private Optional<RunRecord.Stored> summary() {
    return dir.exists(RunRecord.FILE) ? Optional.of(RunRecord.Stored.parse(dir.readOutput(RunRecord.FILE)))
        : Optional.empty();
  }
}
