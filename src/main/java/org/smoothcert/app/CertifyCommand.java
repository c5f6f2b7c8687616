package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.RunConfig;
import org.smoothcert.experiments.StoredRun;
import org.smoothcert.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert certify --run DIR}: re-certifies a run's stored votes without retraining (another
 * alpha or class split costs seconds). Only certify.* and smoothing.classifiers may change; the reports go
 * to {@code --out}, by default {@code DIR/recertified-<changes>}.
 */
@Command(name = "certify",
    description = "Re-certify the stored votes of a run without retraining (another alpha, class split or N).")
final class CertifyCommand extends Subcommand {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run directory whose votes to use")
  String dir;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a setting of certify.* or smoothing.classifiers; repeatable")
  List<String> sets = new ArrayList<>();

  @Option(names = "--alpha", paramLabel = "A", description = "same as --set certify.alpha=A")
  Double alpha;

  @Option(names = "--out", paramLabel = "DIR2",
      description = "where the reports go (default: DIR/recertified-<the changes>, beside the run's own)")
  String target;

  @Override
  int run(PrintWriter out) {
    List<String> changes = new ArrayList<>(sets);
    if (alpha != null) {
      changes.add("certify.alpha=" + alpha);
    }
    // By default the reports go to a folder inside the run named after the changes, so the original
    // run's reports are kept.
    String reports = target != null ? target : dir + "/recertified" + slug(changes);
    Configuration hadoop = new Configuration();
    StoredRun stored = StoredRun.open(dir, hadoop);
    RunConfig config = stored.config(changes);
    StoredRun.Recertified done = stored.recertify(config, reports, hadoop);
    out.printf("re-certifying %,d stored votes of %s%n", config.smoothing().classifiers(), stored.location());
    out.print(Reports.ceiling(config, stored.featureDomain(config), stored.trainingExamples(config)));
    RunPrinter.print(out, done.report(), config.data().certified().key());
    done.caution().ifPresent(c -> out.printf("warning: %s%n", c));
    return 0;
  }

  private static String slug(List<String> sets) {
    return sets.isEmpty() ? "" : "-" + String.join("-", sets).replaceAll("[^A-Za-z0-9.=_-]", "_");
  }
}
