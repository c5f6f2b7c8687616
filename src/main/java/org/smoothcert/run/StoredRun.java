package org.smoothcert.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Json;
import org.smoothcert.report.Reports;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.SliceVotes;

/** A finished (or partly finished) run directory, read back without Spark for re-certification. */
public final class StoredRun {
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
    return new StoredRun(dir, dir.readText(RunDirectory.CONFIG_FILE));
  }

  public String location() {
    return dir.location();
  }

  /** The stored config with overrides of certify.* and smoothing.classifiers only. */
  public RunConfig config(List<String> overrides) {
    StringBuilder text = new StringBuilder(configText).append('\n');
    for (String o : overrides) {
      String key = o.substring(0, Math.max(0, o.indexOf('='))).trim();
      if (!key.startsWith("certify.") && !key.equals("smoothing.classifiers")) {
        throw new UserError("--set " + o + ": re-certification can change certify.* and smoothing.classifiers only;"
            + " other settings change the votes (run smoothcert run with them instead)");
      }
      text.append(o).append('\n');
    }
    return RunConfig.from(ConfigLoader.parseStored(text.toString(), dir.location() + "/" + RunDirectory.CONFIG_FILE));
  }

  /** Certifies the stored votes of the first N classifiers under {@code config}; the reports go to {@code target}. */
  public RunReport certify(RunConfig config, String target, Configuration hadoop) {
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
      throw new UserError(dir.location() + " holds the votes of " + held + " of " + n
          + " classifiers; finish the run with smoothcert run first (it resumes), or certify fewer with"
          + " --set smoothing.classifiers=" + held);
    }
    TestPoints points = TestPoints.parse(dir.readText(RunDirectory.TEST_POINTS_FILE), RunDirectory.TEST_POINTS_FILE);
    RunVotes votes = RunVotes.of(slices, points.size(), config.classes(), n0);
    Map<String, Object> data = previousSection("data");
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("recertified_from", dir.location());
    run.put("caution", "the 1 - alpha guarantee holds for settings (alpha, N, protocol) fixed before the votes"
        + " were seen; settings chosen after looking at them do not keep it");
    RunDirectory out = RunDirectory.create(target, hadoop);
    out.writeText(RunDirectory.CONFIG_FILE, config.render());
    out.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
    return Reports.certifyAndWrite(out, config, featureDomain(config), votes, points, data, run, start);
  }

  /**
   * The largest feature domain the stored votes were made with: summary.json's, where the run wrote
   * one; else the configured levels, unless a table's categorical columns made the domains, which only
   * the data knew (certifying with a smaller domain than the noise had would overstate the radii).
   */
  public int featureDomain(RunConfig config) {
    Object stored = dir.exists("summary.json") ? Json.read(dir.readText("summary.json")).get("feature_domain") : null;
    if (stored instanceof Number n) {
      return n.intValue();
    }
    if (!config.table().categoricalColumns().isEmpty()) {
      throw new UserError(dir.location() + " has no summary.json giving the domains of its categorical columns;"
          + " finish the run with smoothcert run first (it resumes)");
    }
    return config.featureDomain();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> previousSection(String name) {
    if (!dir.exists("summary.json")) {
      return Map.of();
    }
    Object section = Json.read(dir.readText("summary.json")).get(name);
    return section instanceof Map ? (Map<String, Object>) section : Map.of();
  }
}
