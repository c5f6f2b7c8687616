package org.smoothcert.app;

import java.io.PrintWriter;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.TableProvenance;
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
    RunConfig config = run.config();
    run.sample().absentClasses(config.table().format().isTable() ? config.table().classes() : config.data().digits())
        .ifPresent(w -> out.printf("warning: %s%n", w));
    out.print(Reports.ceiling(run.config(), run.sample().train().domains().largest(), run.sample().train().count()));
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
    if (sample.origin() instanceof TableProvenance t) {
      return String.format("%s %s, classes %s, %d features (%s, domains %s): %d training rows (per class %s), %d test"
          + " rows %s (per class %s)%s", t.format(), t.trainPath(), t.classes(), sample.train().dim(), t.discretize(),
          sample.train().domains(), sample.train().count(), t.train().drawnPerClass(), sample.test().count(),
          t.oneSplit() ? "drawn from the same rows" : "from " + t.testPath(), t.test().drawnPerClass(),
          validation(sample, "the training rows", t.validation().drawnPerClass()));
    }
    var p = sample.provenance();
    return String.format("%s, digits %s, %d levels: %d training examples from %s (per class %s),"
        + " %d test from %s (per class %s)%s",
        p.dir(), p.digits(), p.levels(), sample.train().count(), p.train().split(), p.train().drawnPerClass(),
        sample.test().count(), p.test().split(), p.test().drawnPerClass(),
        validation(sample, p.validation().split().toString(), p.validation().drawnPerClass()));
  }

  private static String validation(DataSample sample, String source, Object perClass) {
    return sample.validation().count() == 0 ? ""
        : String.format(", %d validation from %s (per class %s); certifying the %s examples",
            sample.validation().count(), source, perClass, sample.certifiedPoints().key());
  }
}
