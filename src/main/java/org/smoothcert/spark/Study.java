package org.smoothcert.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Json;
import org.smoothcert.report.StudyReport;

/**
 * {@code smoothcert study}: named variants of a config (each a list of {@code --set} overrides, read
 * from a HOCON file), each run for several data seeds into {@code OUT/VARIANT/seed-S}, then one table
 * with the mean and range over the seeds, and one plot. Every run is an ordinary run directory, so a
 * study that stops resumes where it stopped, and one whose runs exist only re-certifies them.
 */
public final class Study {
  /** One variant: a directory-safe name and its overrides. */
  public record Variant(String name, List<String> sets) {}

  private static final int RADII = 3;

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

  public static void execute(String file, List<String> sets, List<Variant> variants, List<Long> seeds, String out,
      String master, Configuration hadoop, PrintStream console) {
    if (seeds.isEmpty()) {
      throw new UserError("--seeds needs at least one data seed, e.g. --seeds 0,1");
    }
    // Validate every run's config before the first (long) run starts.
    List<RunConfig> configs = new ArrayList<>();
    for (Variant v : variants) {
      for (long seed : seeds) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(v.sets());
        all.add("data.seed=" + seed);
        all.add("job.out=" + ConfigLoader.quote(out + "/" + v.name() + "/seed-" + seed));
        try {
          configs.add(RunConfig.from(ConfigLoader.load(file, all, hadoop)));
        } catch (UserError e) {
          throw new UserError("variant " + v.name() + ": " + e.getMessage());
        }
      }
    }
    RunDirectory root = RunDirectory.create(out, hadoop);
    StudyReport report = new StudyReport(RADII - 1);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    int i = 0;
    for (Variant v : variants) {
      for (long seed : seeds) {
        RunConfig config = configs.get(i++);
        console.printf("study %s, data seed %d (%d of %d) -> %s%n", v.name(), seed, i, configs.size(),
            config.job().out());
        CertificationResult result = CertifyRun.execute(config, master, hadoop, quiet);
        StudyReport.Run run = run(v.name(), config, seed, result, hadoop);
        report.add(run);
        console.printf("  r=0/1/2: %.1f%% / %.1f%% / %.1f%%, base accuracy %.1f%%, %.1f ms a classifier%n",
            100 * result.accuracyAt(0), 100 * result.accuracyAt(1), 100 * result.accuracyAt(2),
            100 * run.baseAccuracy(), run.msPerClassifier());
      }
    }
    root.writeText("study.csv", report.table());
    root.writeText("study-summary.csv", report.summary());
    root.writeText("study.md", report.markdown());
    String subtitle = "N=" + configs.get(0).smoothing().classifiers() + ", data seeds " + seeds + ", "
        + (file == null ? "conf/default.conf" : file) + (sets.isEmpty() ? "" : " with " + String.join(", ", sets));
    var plot = report.plot("Certified accuracy by variant", subtitle);
    root.writeBytes("study.png", plot.png());
    root.writeText("study.svg", plot.svg());
    console.print(report.console());
    console.printf("wrote study.csv, study-summary.csv, study.md, study.png/.svg to %s%n", root.location());
  }

  @SuppressWarnings("unchecked")
  private static StudyReport.Run run(String variant, RunConfig config, long seed, CertificationResult result,
      Configuration hadoop) {
    String dir = config.job().out();
    Map<String, Object> summary = Json.read(RunDirectory.create(dir, hadoop).readText("summary.json"));
    Map<String, Object> base = (Map<String, Object>) summary.get("base_classifier");
    double[] share = new double[RADII];
    for (int r = 0; r < RADII; r++) {
      share[r] = result.certifiedShareAt(r);
    }
    double ms = number(base.get("train_ms_per_classifier")) + number(base.get("predict_ms_per_classifier"));
    return new StudyReport.Run(variant, config.learner().describe(), seed, result.curve(), share,
        number(base.get("base_accuracy")), ms, dir);
  }

  private static double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
