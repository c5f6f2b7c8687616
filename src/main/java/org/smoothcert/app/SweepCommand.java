package org.smoothcert.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.experiments.Study;
import org.smoothcert.experiments.Sweep;

/** {@code smoothcert sweep}: one run per value of a config key, one combined table and plot. */
final class SweepCommand implements Command {
  @Override
  public String summary() {
    return "one run per value: --param KEY --values V1,V2,... [--config F] [--set k=v] --out DIR [--master URL]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String key = args.requireString("param");
    List<String> values = Arrays.stream(args.requireString("values").split(",")).map(String::trim)
        .filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      throw new UserError("--values needs at least one value, e.g. --values 0.8,0.9");
    }
    String file = args.string("config", null);
    List<String> sets = new ArrayList<>(args.all("set"));
    String dir = args.requireString("out");
    String master = args.string("master", null);
    args.rejectUnknown();
    Sweep.Result result = Sweep.execute(file, sets, key, values, dir, master, new Configuration());
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
