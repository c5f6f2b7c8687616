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

/** {@code smoothcert study}: named variants of a config, each run for several data seeds; one table and plot. */
final class StudyCommand implements Command {
  @Override
  public String summary() {
    return "variants x data seeds: [--variants FILE] --seeds 0,1 [--config F] [--set k=v] --out DIR [--master URL]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String variantsFile = args.string("variants", null);
    List<Long> seeds = new ArrayList<>();
    for (String s : Arrays.stream(args.requireString("seeds").split(",")).map(String::trim)
        .filter(v -> !v.isEmpty()).toList()) {
      try {
        seeds.add(Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new UserError("--seeds takes whole numbers separated by commas, got '" + s + "'");
      }
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
    Study.Result result = Study.execute(file, sets, variants, seeds, dir, master, hadoop);
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
