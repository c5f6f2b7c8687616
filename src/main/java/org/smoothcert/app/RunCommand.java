package org.smoothcert.app;

import java.io.PrintStream;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.TableProvenance;
import org.smoothcert.experiments.CertifyRun;
import org.smoothcert.report.Reports;

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
    CertifyRun run = CertifyRun.prepare(job.config(hadoop), hadoop);
    out.printf("smoothcert run -> %s%n", run.location());
    out.printf("data: %s%n", describe(run.sample()));
    out.print(Reports.ceiling(run.config(), run.sample().train().domains().largest()));
    CertifyRun.Result result = run.execute(job.master());
    if (result.reusedClassifiers() > 0) {
      out.printf("reused %,d classifiers (%d slices) from earlier runs; trained %,d (%d slices)%n",
          result.reusedClassifiers(), result.slicesReused(), result.trainedClassifiers(), result.slicesTrained());
    }
    RunPrinter.print(out, result.report());
    return 0;
  }

  private static String describe(DataSample sample) {
    if (sample.origin() instanceof TableProvenance t) {
      return String.format("%s %s, classes %s, %d features (%s, domains %s): %d training rows (per class %s), %d test"
          + " rows %s (per class %s)", t.format(), t.trainPath(), t.classes(), sample.train().dim(), t.discretize(),
          sample.train().domains(), sample.train().count(), t.train().drawnPerClass(), sample.test().count(),
          t.oneSplit() ? "drawn from the same rows" : "from " + t.testPath(), t.test().drawnPerClass());
    }
    var p = sample.provenance();
    return String.format("%s, digits %s, %d levels: %d training examples from %s (per class %s), %d test from %s (per class %s)",
        p.dir(), p.digits(), p.levels(), sample.train().count(), p.train().split(), p.train().drawnPerClass(),
        sample.test().count(), p.test().split(), p.test().drawnPerClass());
  }
}
