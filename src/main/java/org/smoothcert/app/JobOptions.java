package org.smoothcert.app;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/** The options of every command that runs a job: --config F, --set k=v (repeatable), --out DIR, --master URL. */
record JobOptions(String configFile, List<String> sets, String master) {
  static JobOptions read(Args args) {
    String file = args.string("config", null);
    List<String> sets = new ArrayList<>(args.all("set"));
    String dir = args.string("out", null);
    if (dir != null) {
      sets.add("job.out=" + ConfigLoader.quote(dir));
    }
    return new JobOptions(file, List.copyOf(sets), args.string("master", null));
  }

  /** The validated config: defaults, then the file, then the --set overrides. */
  RunConfig config(Configuration hadoop) {
    return RunConfig.from(ConfigLoader.load(configFile, sets, hadoop));
  }
}
