package org.smoothcert.experiments;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.SweepReport;
import org.smoothcert.run.RunDirectory;

/**
 * {@code smoothcert sweep}: a {@link Study} of one key, one run per value into {@code OUT/KEY=VALUE},
 * then one table and one plot. A sweep over N ({@code smoothing.classifiers}) trains only the largest
 * N and re-certifies its stored votes for the smaller ones: classifier j is the same in all of them.
 */
public final class Sweep {
  static final String CLASSIFIERS = "smoothing.classifiers";
  private static final Logger LOG = LogManager.getLogger(Sweep.class);

  /**
   * What a sweep did.
   *
   * @param location the folder of the sweep's table and plot
   * @param trainedOnce in a sweep over N, the largest N, trained once and re-certified for every value; 0 in
   *     any other sweep, whose values are each trained
   * @param rows one per value, named by it, in the order given
   * @param report the table over the values
   */
  public record Result(String location, int trainedOnce, List<Study.Row> rows, SweepReport report) {}

  private Sweep() {}

  public static Result execute(String file, List<String> sets, String key, List<String> values, String out,
      String master, Configuration hadoop) {
    refuseRepeated(key, values);
    // Validate every value's config before the first (long) run starts.
    List<Study.Run> runs = new ArrayList<>();
    for (String value : values) {
      runs.add(Study.plan(value, file, sets, List.of(key + "=" + value), out + "/" + key + "=" + value, hadoop));
    }
    try (RunDirectory root = RunDirectory.create(out, hadoop, runs.get(0).config().job().force())) {
      int trainedOnce = 0;
      Function<Study.Run, RunReport> certify = Study.certifying(master, hadoop);
      if (key.equals(CLASSIFIERS)) {
        RunConfig largest = runs.stream().map(Study.Run::config)
            .max(Comparator.comparingInt(c -> c.smoothing().classifiers())).orElseThrow();
        trainedOnce = largest.smoothing().classifiers();
        certify = recertifying(largest, runs, master, hadoop);
      }
      List<Study.Row> rows = Study.each(runs, certify);
      SweepReport report = new SweepReport(key);
      for (Study.Row row : rows) {
        report.add(new SweepReport.Point(row.run().name(), row.report().certification().curve(),
            row.report().baseAccuracy(), row.run().directory()));
      }
      root.writeText("sweep.csv", report.table());
      root.writeText("sweep-summary.csv", report.summary());
      String subtitle = "the other settings as in " + Study.settings(file, sets);
      root.writeBytes("sweep.png", report.plot(subtitle).png());
      root.writeText("sweep.svg", report.plot(subtitle).svg());
      root.seal();
      return new Result(root.location(), trainedOnce, rows, report);
    }
  }

  /**
   * Refuses a value given twice, as HOCON reads it (0.8 and 0.80 are one value): its two runs would share a
   * row, a folder and a series of the plot.
   */
  private static void refuseRepeated(String key, List<String> values) {
    Map<Object, String> seen = new HashMap<>();
    for (String value : values) {
      Object read;
      try {
        read = ConfigFactory.parseString(key + "=" + value).getValue(key).unwrapped();
      } catch (ConfigException e) {
        continue; // the value's own config names what is wrong with it
      }
      if (read instanceof Number n) {
        read = n.doubleValue();
      }
      String first = seen.putIfAbsent(read, value);
      if (first != null) {
        throw new UserError("--values gives " + key + " = " + first + " twice (" + first + ", " + value
            + "): give each value once");
      }
    }
  }

  /** Trains the largest N once, cut at every smaller N, and certifies each run from its stored votes. */
  private static Function<Study.Run, RunReport> recertifying(RunConfig largest, List<Study.Run> runs, String master,
      Configuration hadoop) {
    LOG.info("sweep {}: training N={} once, re-certifying its votes for the smaller N", CLASSIFIERS,
        largest.smoothing().classifiers());
    long[] cuts = runs.stream().mapToLong(r -> r.config().smoothing().classifiers()).toArray();
    CertifyRun.execute(largest, master, hadoop, cuts);
    StoredRun stored = StoredRun.open(largest.job().out(), hadoop);
    return run -> stored.certify(stored.config(List.of(CLASSIFIERS + "=" + run.config().smoothing().classifiers())),
        run.directory(), hadoop);
  }
}
