package org.smoothcert.app;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import picocli.CommandLine.Option;

/** The options of every command that runs a job: --config F, --set k=v (repeatable), --master URL. */
final class JobOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "HOCON file of settings over the defaults (conf/default.conf); a local path or any Hadoop URI")
  String configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "one setting over the file, e.g. --set smoothing.classifiers=1000; repeatable")
  List<String> sets = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[4] or spark://host:7077 (default: spark-submit's, else local[*])")
  String master;

  /** The --set overrides, then job.out={@code out} when given (so --out wins over a --set job.out). */
  List<String> setsWithOut(String out) {
    List<String> all = new ArrayList<>(sets);
    if (out != null) {
      all.add("job.out=" + ConfigLoader.quote(out));
    }
    return List.copyOf(all);
  }

  /** The validated config: defaults, then the file, then the --set overrides, then {@code out}. */
  RunConfig config(String out, Configuration hadoop) {
    return RunConfig.from(ConfigLoader.load(configFile, setsWithOut(out), hadoop));
  }
}
