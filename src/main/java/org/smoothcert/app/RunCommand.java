package org.smoothcert.app;

import java.io.PrintStream;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
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
    JobOptions job = JobOptions.read(args);
    args.rejectUnknown();
    Configuration hadoop = new Configuration();
    CertifyRun.execute(job.config(hadoop), job.master(), hadoop, out);
    return 0;
  }
}
