package org.smoothcert.spark;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Json;
import org.smoothcert.report.SweepReport;

/**
 * {@code smoothcert sweep}: one run per value of a config key, then one table and one plot. A sweep
 * over N ({@code smoothing.classifiers}) trains only the largest N and re-certifies its stored votes for
 * the smaller ones: classifier j is the same in all of them.
 */
public final class Sweep {
  static final String CLASSIFIERS = "smoothing.classifiers";

  private Sweep() {}

  public static void execute(String file, List<String> sets, String key, List<String> values, String out,
      String master, Configuration hadoop, PrintStream console) {
    // Validate every value's config before the first (long) run starts.
    List<RunConfig> configs = new ArrayList<>();
    for (String value : values) {
      List<String> all = new ArrayList<>(sets);
      all.add(key + "=" + value);
      all.add("job.out=" + ConfigLoader.quote(out + "/" + key + "=" + value));
      configs.add(RunConfig.from(ConfigLoader.load(file, all, hadoop)));
    }
    RunDirectory root = RunDirectory.create(out, hadoop);
    SweepReport report = new SweepReport(key);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    if (key.equals(CLASSIFIERS)) {
      RunConfig largest = configs.stream().max(Comparator.comparingInt(c -> c.smoothing().classifiers())).orElseThrow();
      console.printf("sweep %s: training N=%,d once, re-certifying its votes for the smaller N%n", key,
          largest.smoothing().classifiers());
      long[] cuts = configs.stream().mapToLong(c -> c.smoothing().classifiers()).toArray();
      CertifyRun.execute(largest, master, hadoop, quiet, cuts);
      StoredRun stored = StoredRun.open(largest.job().out(), hadoop);
      for (int i = 0; i < values.size(); i++) {
        RunConfig c = configs.get(i);
        List<String> n = List.of(CLASSIFIERS + "=" + c.smoothing().classifiers());
        CertificationResult result = stored.certify(stored.config(n), c.job().out(), hadoop, quiet);
        report.add(point(values.get(i), result, c.job().out(), hadoop));
        console.printf("  %s=%s done%n", key, values.get(i));
      }
    } else {
      for (int i = 0; i < values.size(); i++) {
        console.printf("sweep %s=%s -> %s%n", key, values.get(i), configs.get(i).job().out());
        CertificationResult result = CertifyRun.execute(configs.get(i), master, hadoop, quiet);
        report.add(point(values.get(i), result, configs.get(i).job().out(), hadoop));
      }
    }
    root.writeText("sweep.csv", report.table());
    root.writeText("sweep-summary.csv", report.summary());
    String subtitle = "the other settings as in " + (file == null ? "conf/default.conf" : file)
        + (sets.isEmpty() ? "" : " with " + String.join(", ", sets));
    root.writeBytes("sweep.png", report.plot(subtitle).png());
    root.writeText("sweep.svg", report.plot(subtitle).svg());
    console.print(report.console());
    console.printf("wrote sweep.csv, sweep-summary.csv, sweep.png/.svg to %s%n", root.location());
  }

  @SuppressWarnings("unchecked")
  private static SweepReport.Point point(String value, CertificationResult result, String dir, Configuration hadoop) {
    Map<String, Object> summary = Json.read(RunDirectory.create(dir, hadoop).readText("summary.json"));
    Object base = ((Map<String, Object>) summary.get("base_classifier")).get("base_accuracy");
    return new SweepReport.Point(value, result.curve(), base instanceof Number n ? n.doubleValue() : Double.NaN, dir);
  }
}
