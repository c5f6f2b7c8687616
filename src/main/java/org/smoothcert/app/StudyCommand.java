package org.smoothcert.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.spark.Study;

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
    Study.execute(file, sets, variants, seeds, dir, master, hadoop, out);
    return 0;
  }
}
