package org.smoothcert.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Reports;
import org.smoothcert.report.RunReport;
import org.smoothcert.run.StoredRun;

/**
 * {@code smoothcert certify --run DIR}: re-certifies a run's stored votes without retraining (another
 * alpha or class split costs seconds). Only certify.* and smoothing.classifiers may change; the reports go
 * to {@code --out}, by default {@code DIR/recertified-<changes>}.
 */
final class CertifyCommand implements Command {
  @Override
  public String summary() {
    return "re-certify the stored votes of a run: --run DIR [--alpha A] [--set certify.class-split=false] [--out DIR2]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String dir = args.requireString("run");
    List<String> sets = new ArrayList<>(args.all("set"));
    if (args.has("alpha")) {
      sets.add("certify.alpha=" + args.requireDouble("alpha"));
    }
    // By default the reports go to a folder inside the run named after the changes, so the original
    // run's reports are kept.
    String target = args.string("out", dir + "/recertified" + slug(sets));
    args.rejectUnknown();
    Configuration hadoop = new Configuration();
    StoredRun stored = StoredRun.open(dir, hadoop);
    RunConfig config = stored.config(sets);
    RunReport report = stored.certify(config, target, hadoop);
    out.printf("re-certifying %,d stored votes of %s%n", config.smoothing().classifiers(), stored.location());
    out.print(Reports.ceiling(config, stored.featureDomain(config)));
    RunPrinter.print(out, report);
    return 0;
  }

  private static String slug(List<String> sets) {
    return sets.isEmpty() ? "" : "-" + String.join("-", sets).replaceAll("[^A-Za-z0-9.=_-]", "_");
  }
}
