package org.smoothcert.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.experiments.Study;
import org.smoothcert.report.RunReport;

/**
 * {@code smoothcert study}: named variants of a config, each run for several data seeds; one table and plot.
 * With --select-seeds and --test-seeds it chooses a variant on validation points, then certifies it on test points.
 */
final class StudyCommand implements Command {
  @Override
  public String summary() {
    return "variants x data seeds: [--variants FILE] (--select-seeds 0,1 --test-seeds 2,3,4 [--rank-radius 2]"
        + " | --seeds 0,1) [--config F] [--set k=v] --out DIR [--master URL]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String variantsFile = args.string("variants", null);
    String seeds = args.string("seeds", null);
    String selectSeeds = args.string("select-seeds", null);
    String testSeeds = args.string("test-seeds", null);
    int rankRadius = args.intOr("rank-radius", Study.DEFAULT_RANK_RADIUS);
    boolean selecting = selectSeeds != null || testSeeds != null;
    if (selecting && seeds != null) {
      throw new UserError("--seeds compares the variants on test points; --select-seeds and --test-seeds choose one"
          + " on validation points: give one or the other");
    }
    if (!selecting && args.has("rank-radius")) {
      throw new UserError("--rank-radius ranks on validation points: it needs --select-seeds and --test-seeds");
    }
    String file = args.string("config", null);
    List<String> sets = new ArrayList<>(args.all("set"));
    String dir = args.requireString("out");
    String master = args.string("master", null);
    args.rejectUnknown();
    Configuration hadoop = new Configuration();
    // Without a variants file the study is the config itself over several seeds.
    List<Study.Variant> variants = variantsFile == null
        ? List.of(new Study.Variant(Study.nameOf(file), List.of()))
        : Study.readVariants(variantsFile, hadoop);
    Study.Result result = selecting
        ? Study.select(file, sets, variants, new Study.Selection(seeds("select-seeds", selectSeeds),
            seeds("test-seeds", testSeeds), rankRadius), dir, master, hadoop)
        : Study.execute(file, sets, variants, seeds("seeds", seeds), dir, master, hadoop);
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
