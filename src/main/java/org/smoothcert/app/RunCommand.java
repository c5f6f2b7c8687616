package org.smoothcert.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.spark.CertifyRun;

/** {@code smoothcert run}: the certification job (default: the paper's MNIST 1/7 on local[*]). */
final class RunCommand implements Command {
  @Override
  public String summary() {
    return "train N noised classifiers on Spark and certify the test points [--config F] [--set k=v] [--out DIR] [--master URL]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String file = args.string("config", null);
    List<String> sets = new ArrayList<>(args.all("set"));
    String dir = args.string("out", null);
    if (dir != null) {
      sets.add("job.out=" + ConfigQuoting.quote(dir));
    }
    String master = args.string("master", null);
    args.rejectUnknown();
    Configuration hadoop = new Configuration();
    RunConfig config = RunConfig.from(ConfigLoader.load(file, sets, hadoop));
    CertifyRun.execute(config, master, hadoop, out);
    return 0;
  }
}
