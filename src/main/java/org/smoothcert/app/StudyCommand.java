package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.experiments.Study;
import org.smoothcert.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smoothcert study}: named variants of a config, each run for several data seeds; one table and plot. */
@Command(name = "study",
    description = "Named variants of a config, each run for several data seeds; one table and plot.")
final class StudyCommand extends Subcommand {
  @Option(names = "--variants", paramLabel = "FILE",
      description = "HOCON file of named variants, each a list of settings (default: the config itself)")
  String variantsFile;

  @Option(names = "--seeds", required = true, paramLabel = "LIST",
      description = "the data seeds, whole numbers separated by commas, e.g. 0,1")
  String seedList;

  @Mixin
  JobOptions job;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the study's directory: one run directory a variant and seed, and the combined reports")
  String dir;

  @Override
  int run(PrintWriter out) {
    List<Long> seeds = new ArrayList<>();
    for (String s : Arrays.stream(seedList.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()) {
      try {
        seeds.add(Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new UserError("--seeds takes whole numbers separated by commas, got '" + s + "'");
      }
    }
    Configuration hadoop = new Configuration();
    // Without a variants file the study is the config itself over several seeds.
    List<Study.Variant> variants = variantsFile == null
        ? List.of(new Study.Variant(Study.nameOf(job.configFile), List.of()))
        : Study.readVariants(variantsFile, hadoop);
    Interruption.install(System.err, () -> "the finished runs and slices are kept under " + dir);
    Study.Result result = Study.execute(job.configFile, job.sets, variants, seeds, dir, job.master,
        hadoop);
    List<Study.Row> rows = result.rows();
    for (int i = 0; i < rows.size(); i++) {
      Study.Run run = rows.get(i).run();
      RunReport report = rows.get(i).report();
      out.printf("study %s, data seed %d (%d of %d) -> %s%n", run.name(), run.seed(), i + 1, rows.size(),
          run.directory());
      out.printf("  r=0/1/2: %.1f%% / %.1f%% / %.1f%%, base accuracy %.1f%%, %.1f ms a classifier%n",
          100 * report.certification().accuracyAt(0), 100 * report.certification().accuracyAt(1),
          100 * report.certification().accuracyAt(2), 100 * report.baseAccuracy(), report.msPerClassifier());
    }
    out.print(result.report().console());
    out.printf("wrote study.csv, study-summary.csv, study.md, study.png/.svg to %s%n", result.location());
    return 0;
  }
}
