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

/**
 * {@code smoothcert study}: named variants of a config, each run for several data seeds; one table and plot.
 * With --select-seeds and --test-seeds it chooses a variant on validation points, then certifies it on test points.
 */
@Command(name = "study",
    description = "Named variants of a config over data seeds: either chosen on validation points of"
        + " --select-seeds and the choice certified on the test points of --test-seeds, or all compared on"
        + " test points of --seeds (which voids the test results' claim for the chosen one).")
final class StudyCommand extends Subcommand {
  @Option(names = "--variants", paramLabel = "FILE",
      description = "HOCON file of named variants, each a list of settings (default: the config itself)")
  String variantsFile;

  @Option(names = "--seeds", paramLabel = "LIST",
      description = "data seeds whose TEST points every variant runs on, e.g. 0,1")
  String seedList;

  @Option(names = "--select-seeds", paramLabel = "LIST",
      description = "data seeds whose VALIDATION points rank the variants (needs --set data.validation-size=M)")
  String selectSeeds;

  @Option(names = "--test-seeds", paramLabel = "LIST",
      description = "held-out data seeds whose test points certify the chosen variant (disjoint from --select-seeds)")
  String testSeeds;

  @Option(names = "--rank-radius", paramLabel = "R",
      description = "the radius whose mean certified accuracy ranks the variants (default: 2)")
  Integer rankRadius;

  @Mixin
  JobOptions job;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the study's directory: one run directory a variant and seed, and the combined reports")
  String dir;

  @Override
  int run(PrintWriter out) {
    boolean selecting = selectSeeds != null || testSeeds != null;
    if (selecting && seedList != null) {
      throw new UserError("--seeds compares the variants on test points; --select-seeds and --test-seeds choose one"
          + " on validation points: give one or the other");
    }
    if (!selecting && rankRadius != null) {
      throw new UserError("--rank-radius ranks on validation points: it needs --select-seeds and --test-seeds");
    }
    Configuration hadoop = new Configuration();
    // Without a variants file the study is the config itself over several seeds.
    List<Study.Variant> variants = variantsFile == null
        ? List.of(new Study.Variant(Study.nameOf(job.configFile), List.of()))
        : Study.readVariants(variantsFile, hadoop);
    Interruption.install(System.err, () -> "the finished runs and slices are kept under " + dir);
    Study.Result result = selecting
        ? Study.select(job.configFile, job.sets, variants, new Study.Selection(seeds("select-seeds", selectSeeds),
            seeds("test-seeds", testSeeds), rankRadius == null ? Study.DEFAULT_RANK_RADIUS : rankRadius), dir,
            job.master, hadoop)
        : Study.execute(job.configFile, job.sets, variants, seeds("seeds", seedList), dir, job.master, hadoop);
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
    if (result.selection().isPresent()) {
      out.println("every variant on the validation points (mean over the selection seeds):");
    }
    out.print(result.report().console());
    result.selection().ifPresent(selection -> out.print(selection.markdown()));
    result.warning().ifPresent(warning -> out.println("warning: " + warning));
    out.printf("wrote %s to %s%n", String.join(", ", result.written()), result.location());
    return 0;
  }

  /** Data seeds separated by commas, e.g. 0,1. */
  private static List<Long> seeds(String option, String text) {
    if (text == null) {
      throw new UserError("missing --" + option);
    }
    List<Long> seeds = new ArrayList<>();
    for (String s : Arrays.stream(text.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()) {
      try {
        seeds.add(Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new UserError("--" + option + " takes whole numbers separated by commas, got '" + s + "'");
      }
    }
    return seeds;
  }
}
