package org.smoothcert.app;

import java.io.PrintWriter;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.data.DataSample;
import org.smoothcert.experiments.CertifyRun;
import org.smoothcert.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smoothcert run}: the certification job (default: the paper's MNIST 1/7 on local[*]). */
@Command(name = "run",
    description = "Train N noised classifiers on Spark and certify the test points (default: the paper's MNIST 1/7"
        + " on local[*]).")
final class RunCommand extends Subcommand {
  @Mixin
  JobOptions job;

  @Option(names = "--out", paramLabel = "DIR",
      description = "the run directory (same as --set job.out=DIR): a local path or any Hadoop URI")
  String dir;

  @Override
  int run(PrintWriter out) {
    Configuration hadoop = new Configuration();
    CertifyRun run = CertifyRun.prepare(job.config(dir, hadoop), hadoop);
    out.printf("smoothcert run -> %s%n", run.location());
    out.printf("data: %s%n", describe(run.sample()));
    out.print(Reports.ceiling(run.config()));
    out.flush();
    Interruption.install(System.err, () -> String.format("%,d of %,d classifiers are checkpointed in %s",
        run.checkpointedClassifiers(), run.config().smoothing().classifiers(), run.location()));
    CertifyRun.Result result = run.execute(job.master);
    if (result.reusedClassifiers() > 0) {
      out.printf("reused %,d classifiers (%d slices) from earlier runs; trained %,d (%d slices)%n",
          result.reusedClassifiers(), result.slicesReused(), result.trainedClassifiers(), result.slicesTrained());
    }
    RunPrinter.print(out, result.report(), run.config().data().certified().key());
    result.caution().ifPresent(c -> out.printf("warning: %s%n", c));
    return 0;
  }

  private static String describe(DataSample sample) {
    var p = sample.provenance();
    String validation = sample.validation().count() == 0 ? ""
        : String.format(", %d validation from %s (per class %s); certifying the %s examples",
            sample.validation().count(), p.validation().split(), p.validation().drawnPerClass(),
            sample.certifiedPoints().key());
    return String.format("%s, digits %s, %d levels: %d training examples from %s (per class %s),"
        + " %d test from %s (per class %s)%s",
        p.dir(), p.digits(), p.levels(), sample.train().count(), p.train().split(), p.train().drawnPerClass(),
        sample.test().count(), p.test().split(), p.test().drawnPerClass(), validation);
  }
}
