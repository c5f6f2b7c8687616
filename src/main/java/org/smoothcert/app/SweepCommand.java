package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.experiments.Study;
import org.smoothcert.experiments.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smoothcert sweep}: one run per value of a config key, one combined table and plot. */
@Command(name = "sweep",
    description = "One run per value of a config key, one combined table and plot.")
final class SweepCommand extends Subcommand {
  @Option(names = "--param", required = true, paramLabel = "KEY", description = "the config key, e.g. smoothing.beta")
  String key;

  @Option(names = "--values", required = true, paramLabel = "LIST",
      description = "the key's values, separated by commas, e.g. 0.8,0.9")
  String valueList;

  @Mixin
  JobOptions job;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the sweep's directory: one run directory a value, and the combined reports")
  String dir;

  @Override
  int run(PrintWriter out) {
    List<String> values = Arrays.stream(valueList.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      throw new UserError("--values needs at least one value, e.g. --values 0.8,0.9");
    }
    Interruption.install(System.err, () -> "the finished runs and slices are kept under " + dir);
    Sweep.Result result = Sweep.execute(job.configFile, job.sets, key, values, dir, job.master,
        new Configuration());
    if (result.trainedOnce() > 0) {
      out.printf("sweep %s: training N=%,d once, re-certifying its votes for the smaller N%n", key,
          result.trainedOnce());
    }
    for (Study.Row row : result.rows()) {
      if (result.trainedOnce() > 0) {
        out.printf("  %s=%s done%n", key, row.run().name());
      } else {
        out.printf("sweep %s=%s -> %s%n", key, row.run().name(), row.run().directory());
      }
    }
    out.print(result.report().console());
    out.printf("wrote sweep.csv, sweep-summary.csv, sweep.png/.svg to %s%n", result.location());
    return 0;
  }
}
