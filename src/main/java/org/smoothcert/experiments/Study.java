package org.smoothcert.experiments;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.StudyReport;
import org.smoothcert.run.RunDirectory;

/**
 * {@code smoothcert study}: named variants of a config (each a list of {@code --set} overrides, read
 * from a HOCON file), each run for several data seeds into {@code OUT/VARIANT/seed-S}, then one table
 * with the mean and range over the seeds, and one plot. Every run is an ordinary run directory, so a
 * study that stops resumes where it stopped, and one whose runs exist only re-certifies them. A
 * {@link Sweep} is a study of one key.
 */
public final class Study {
  private static final Logger LOG = LogManager.getLogger(Study.class);
  private static final int RADII = 3;

  /** One variant: a directory-safe name and its overrides. */
  public record Variant(String name, List<String> sets) {}

  /** One run of a study: the variant (or the swept value) it belongs to, and its validated config. */
  public record Run(String name, RunConfig config) {
    public long seed() {
      return config.data().seed();
    }

    public String directory() {
      return config.job().out();
    }
  }

  /** A run and what certifying its votes gave. */
  public record Row(Run run, RunReport report) {}

  /**
   * What a study did.
   *
   * @param location the folder of the study's table and plot
   * @param rows every run, in the order they ran
   * @param report the table over the variants
   */
  public record Result(String location, List<Row> rows, StudyReport report) {}

  private Study() {}

  /** A variant name for a config file: its name without directory and extension ("default" for none). */
  public static String nameOf(String configFile) {
    if (configFile == null) {
      return "default";
    }
    String name = configFile.substring(configFile.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The variants of a study file: {@code variants = [{name = "...", set = ["key = value", ...]}, ...]}. */
  public static List<Variant> readVariants(String file, Configuration hadoop) {
    Config c = ConfigLoader.parseFile(file, hadoop);
    List<Variant> variants = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try {
      for (Config v : c.getConfigList("variants")) {
        String name = v.getString("name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
          throw new UserError(file + ": variant name '" + name + "' may hold only letters, digits, '.', '_', '-'");
        }
        if (!names.add(name)) {
          throw new UserError(file + ": variant '" + name + "' is named twice");
        }
        variants.add(new Variant(name, v.hasPath("set") ? v.getStringList("set") : List.of()));
      }
    } catch (ConfigException e) {
      throw new UserError(file + ": " + e.getMessage()
          + " (expected variants = [{name = \"...\", set = [\"key = value\", ...]}, ...])");
    }
    if (variants.isEmpty()) {
      throw new UserError(file + ": no variants");
    }
    return variants;
  }

  public static Result execute(String file, List<String> sets, List<Variant> variants, List<Long> seeds, String out,
      String master, Configuration hadoop) {
    if (seeds.isEmpty()) {
      throw new UserError("--seeds needs at least one data seed, e.g. --seeds 0,1");
    }
    // Validate every run's config before the first (long) run starts.
    List<Run> runs = new ArrayList<>();
    for (Variant v : variants) {
      for (long seed : seeds) {
        List<String> overrides = new ArrayList<>(v.sets());
        overrides.add("data.seed=" + seed);
        try {
          runs.add(plan(v.name(), file, sets, overrides, out + "/" + v.name() + "/seed-" + seed, hadoop));
        } catch (UserError e) {
          throw new UserError("variant " + v.name() + ": " + e.getMessage());
        }
      }
    }
    try (RunDirectory root = RunDirectory.create(out, hadoop, runs.get(0).config().job().force())) {
      List<Row> rows = each(runs, run -> CertifyRun.execute(run.config(), master, hadoop).report());
      StudyReport report = new StudyReport(RADII - 1);
      for (Row row : rows) {
        report.add(studyRun(row));
      }
      root.writeText("study.csv", report.table());
      root.writeText("study-summary.csv", report.summary());
      root.writeText("study.md", report.markdown());
      String subtitle = "N=" + runs.get(0).config().smoothing().classifiers() + ", data seeds " + seeds + ", "
          + settings(file, sets);
      var plot = report.plot("Certified accuracy by variant", subtitle);
      root.writeBytes("study.png", plot.png());
      root.writeText("study.svg", plot.svg());
      root.seal();
      return new Result(root.location(), rows, report);
    }
  }

  /** A run named {@code name}: the config file, the study's overrides, then its own, into {@code dir}. */
  static Run plan(String name, String file, List<String> sets, List<String> overrides, String dir,
      Configuration hadoop) {
    List<String> all = new ArrayList<>(sets);
    all.addAll(overrides);
    all.add("job.out=" + ConfigLoader.quote(dir));
    return new Run(name, RunConfig.from(ConfigLoader.load(file, all, hadoop)));
  }

  /** The settings every run shares, for a plot's subtitle. */
  static String settings(String file, List<String> sets) {
    return (file == null ? "conf/default.conf" : file) + (sets.isEmpty() ? "" : " with " + String.join(", ", sets));
  }

  /** Runs and certifies every run in turn: the one loop of studies and sweeps. */
  static List<Row> each(List<Run> runs, Function<Run, RunReport> certify) {
    List<Row> rows = new ArrayList<>();
    for (Run run : runs) {
      LOG.info("run {} of {}: {} -> {}", rows.size() + 1, runs.size(), run.name(), run.directory());
      rows.add(new Row(run, certify.apply(run)));
    }
    return rows;
  }

  private static StudyReport.Run studyRun(Row row) {
    Run run = row.run();
    RunReport report = row.report();
    double[] share = new double[RADII];
    for (int r = 0; r < RADII; r++) {
      share[r] = report.certification().certifiedShareAt(r);
    }
    return new StudyReport.Run(run.name(), run.config().learner().describe(), run.seed(),
        report.certification().curve(), share, report.baseAccuracy(), report.msPerClassifier(), run.directory());
  }
}
