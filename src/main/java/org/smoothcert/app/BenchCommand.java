package org.smoothcert.app;

import dev.ludovic.netlib.blas.BLAS;
import java.io.PrintWriter;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.bench.Agreement;
import org.smoothcert.bench.Bench;
import org.smoothcert.bench.ClassifierCost;
import org.smoothcert.bench.FitBaseline;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.data.source.DataSource;
import org.smoothcert.experiments.Study;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.fast.VectorLanes;
import org.smoothcert.spark.MllibFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert bench}: what one classifier costs on one thread, for each learner implementation
 * and for {@code MultilayerPerceptronClassifier.fit()}, on the paper's data (MNIST 1/7, T=100, m=1000,
 * beta=0.9). The paths run in interleaved rounds on the same classifiers, so that a shared machine's
 * changing load slows them alike, and are reported as ratios; with the FLOPs each path does, the rate
 * it reaches, the floor at the attainable rate measured in the same rounds, and how far the paths'
 * weights are from each other and from fit()'s. The experiment is {@link Bench}'s; this command reads
 * the options and the data, starts the Spark session fit() runs on ({@link MllibFit}) and prints.
 */
@Command(name = "bench",
    description = "The per-classifier cost of each learner and of MLlib's fit(), in one thread, on the paper's data"
        + " (MNIST 1/7).")
final class BenchCommand extends Subcommand {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/mnist-1-7",
      description = "folder of the MNIST IDX files (default: ${DEFAULT-VALUE})")
  String dir;

  @Option(names = "--hidden", paramLabel = "H", description = "hidden units (default: the default config's)")
  Integer hiddenUnits;

  @Option(names = "--classifiers", paramLabel = "N", defaultValue = "200",
      description = "classifiers timed a path (default: ${DEFAULT-VALUE})")
  int classifiers;

  @Option(names = "--warm-up", paramLabel = "N", defaultValue = "50",
      description = "classifiers trained a path before timing (default: ${DEFAULT-VALUE})")
  int warmUp;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "10",
      description = "interleaved rounds the classifiers are split into (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--fits", paramLabel = "K", defaultValue = "5",
      description = "timed calls of fit() on local[1]; 0 starts no Spark (default: ${DEFAULT-VALUE})")
  int fits;

  @Option(names = "--agreement", paramLabel = "N", defaultValue = "20",
      description = "classifiers whose weights and predictions the paths compare (default: ${DEFAULT-VALUE})")
  int compared;

  @Option(names = "--beta", paramLabel = "B", defaultValue = "0.9", description = "the noise's beta (default: ${DEFAULT-VALUE})")
  double beta;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "the noise's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--export-sample", paramLabel = "DIR",
      description = "write the sample bench and the default run use (training and test features and labels, one"
          + " unsigned byte each) into DIR for a peer benchmark (submit/bench-sklearn), and time nothing")
  String exportDir;

  @Option(names = "--variants", paramLabel = "FILE",
      description = "time instead each learner of a study file's variants (their learner.* keys)")
  String variantsFile;

  @Override
  int run(PrintWriter out) {
    // The default config's hidden size: the speed that matters is the one users run.
    int hidden = hiddenUnits != null ? hiddenUnits : RunConfig.defaults().learner().hidden();
    if (classifiers < 1 || rounds < 1 || hidden < 0 || warmUp < 0 || fits < 0 || compared < 0) {
      throw new UserError("--classifiers and --rounds must be >= 1; --hidden (0 = logistic regression),"
          + " --warm-up, --fits and --agreement >= 0");
    }

    DataSample sample = MnistData.load(DataSource.withResolvedDir(DataSpec.paper(dir, 0)), new Configuration());
    Examples train = sample.train();
    Examples test = sample.test();
    if (exportDir != null) {
      exportSample(out, exportDir, train, test);
      return 0;
    }
    Bench.Settings settings = new Bench.Settings(hidden, new Bench.Settings.Timing(classifiers, warmUp, rounds),
        new Bench.Settings.Comparisons(fits, compared), new Bench.Settings.Draw(beta, seed));
    if (variantsFile != null) {
      variants(out, variantsFile, settings, train, test);
      return 0;
    }
    Bench.Result result;
    if (fits > 0) {
      try (MllibFit fit = MllibFit.start()) {
        result = Bench.run(settings, train, test, fit::prepare);
      }
    } else {
      result = Bench.run(settings, train, test, null);
    }
    print(out, result);
    return 0;
  }

  /**
   * {@code --variants FILE}: the per-classifier cost of each learner of a study file (its learner keys;
   * other keys are ignored), in interleaved rounds in this one thread, with the ratio to the first.
   */
  private static void variants(PrintWriter out, String file, Bench.Settings settings, Examples train,
      Examples test) {
    List<Study.Variant> variants = Study.readVariants(file, new Configuration());
    out.printf("smoothcert bench --variants %s: %d variants, one thread%n", file, variants.size());
    out.printf("vector width of the fast path's kernels: %s%n", VectorLanes.describe());
    List<MlpConfig> learners = variants.stream()
        .map(v -> RunConfig.from(ConfigLoader.load(null, v.sets(), new Configuration())).learner()).toList();
    List<ClassifierCost> costs = Bench.variants(settings, learners, train, test);
    out.printf("%n%-24s %9s %10s %9s %8s %11s %7s %6s %8s%n", "variant", "train ms", "predict ms", "total ms",
        "cost fn", "L-BFGS rest", "cpu ms", "iters", "vs first");
    for (int i = 0; i < costs.size(); i++) {
      ClassifierCost c = costs.get(i);
      out.printf("%-24s %9.1f %10.1f %9.1f %8.2f %11.2f %7.1f %6.1f %7.2fx%n", variants.get(i).name(), c.trainMs(),
          c.testMs(), c.totalMs(), c.costMs(), c.bookkeepingMs(), c.cpuMs(), c.iterations(),
          c.totalMs() / costs.get(0).totalMs());
    }
    out.printf("(train = noise + training, of which cost fn = in the cost function and L-BFGS rest = the rest;"
        + " predict = noise + predicting %d points; cpu = the thread's CPU time for all of it, which waiting for a"
        + " core does not add to; %d classifiers a variant in %d interleaved rounds, one thread)%n",
        test.count(), costs.get(0).classifiers(), settings.rounds());
  }

  private static void print(PrintWriter out, Bench.Result r) {
    Examples train = r.train();
    Examples test = r.test();
    int hidden = r.settings().hidden();
    out.printf("smoothcert bench: layers [%d, %d, %d], %d training and %d test points, beta %s, one thread%n",
        train.dim(), hidden, train.classes(), train.count(), test.count(), r.settings().beta());
    out.printf("BLAS for MLlib and Breeze: %s; non-zero inputs per example (classifier 0): train %.1f, test %.1f%n",
        BLAS.getInstance().getClass().getSimpleName(), r.trainInputs(), r.testInputs());
    out.printf("vector width of the fast path's kernels: %s%n", VectorLanes.describe());
    out.printf("paths: mllib = MLlib's dense cost + Breeze's LBFGS (fit()'s arithmetic); sparse+breeze = sparse"
        + " cost + Breeze's LBFGS;%n       sparse = sparse cost + the array L-BFGS (the default:"
        + " learner.implementation = fast)%n");

    List<Bench.Path> paths = r.paths();
    FitBaseline fit = r.fit();
    double peak = r.peak();
    out.println();
    out.printf("%-14s %9s %10s %9s %7s %6s %6s %8s %8s %9s%n", "path", "train ms", "predict ms", "total ms",
        "cpu ms", "iters", "evals", "MFLOP", "GFLOP/s", "vs fit()");
    for (Bench.Path path : paths) {
      row(out, path.name(), path.cost(), path.flops(), fit);
    }
    if (fit != null) {
      out.printf("%-14s %9.1f %10s %9.1f   (MultilayerPerceptronClassifier.fit(), local[1], %d fits, train only)%n",
          "fit()", fit.msPerFit(), "-", fit.msPerFit(), fit.fits());
    }
    ClassifierCost sparse = r.sparse().cost();
    double sparseFlops = r.sparse().flops();
    out.printf("(train = noise + training, predict = noise + predicting %d points; %d classifiers a path in %d"
        + " interleaved rounds)%n", test.count(), sparse.classifiers(), r.settings().rounds());
    out.println();
    out.printf("where the time goes (ms per classifier):%n");
    out.printf("%-14s %11s %9s %11s %10s %8s%n", "path", "noise train", "cost fn", "L-BFGS rest", "noise test",
        "predict");
    for (Bench.Path path : paths) {
      split(out, path.name(), path.cost());
    }
    out.println();
    ClassifierCost mllib = paths.get(0).cost();
    ClassifierCost sparseBreeze = paths.get(1).cost();
    out.printf("sparse vs mllib: %.2fx faster per classifier (wall), %.2fx (CPU); vs sparse+breeze: %.2fx (wall),"
        + " %.2fx (CPU)%n", mllib.totalMs() / sparse.totalMs(), mllib.cpuMs() / sparse.cpuMs(),
        sparseBreeze.totalMs() / sparse.totalMs(), sparseBreeze.cpuMs() / sparse.cpuMs());
    if (r.floor() != null) {
      logisticFloor(out, r.floor(), sparse, r);
    }
    if (hidden > 0) {
      // A network's floor: its FLOPs at the dense rate (its columns are as wide as the hidden layer).
      out.printf("attainable rate (y += a*x in L1, this JVM, one core, same rounds): %.1f GFLOP/s%n", peak);
      out.printf("floor of the sparse path: %.1f MFLOP / %.1f GFLOP/s = %.1f ms; measured %.1f ms CPU = %.2fx the"
          + " floor%n", sparseFlops / 1e6, peak, sparseFlops / peak / 1e6, sparse.cpuMs(),
          sparse.cpuMs() / (sparseFlops / peak / 1e6));
      out.printf("floor of the dense (MLlib) arithmetic: %.1f MFLOP / %.1f GFLOP/s = %.1f ms%n",
          paths.get(0).flops() / 1e6, peak, paths.get(0).flops() / peak / 1e6);
    }
    for (int i = 1; i < paths.size(); i++) {
      Agreement agreement = r.agreements().get(i - 1);
      out.printf("agreement over %d classifiers, %s vs mllib: weights max |difference| %.3g, %d of %d noised test"
          + " labels differ%n", agreement.classifiers(), paths.get(i).name(), agreement.maxWeightDifference(),
          agreement.disagreements(), agreement.predictions());
    }
    if (fit != null) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < paths.size(); i++) {
        d.append(i == 0 ? "" : ", ").append(paths.get(i).name()).append(' ')
            .append(String.format("%.3g", fit.maxDifference(i)));
      }
      out.printf("fit() vs in-task weights over %d classifiers, max |difference|: %s%n", fit.fits(), d);
      if (r.config().l2() > 0) {
        // MultilayerPerceptronClassifier has no weight decay: its fit() minimizes another objective.
        out.printf("  (fit() has no L2 penalty; learner.l2 = %s here, so its weights are of another objective and"
            + " only its time compares)%n", r.config().l2());
      }
    }
  }

  /** The default learner's floor by parts ({@link Bench.LogisticFloor}), against the CPU time measured. */
  private static void logisticFloor(PrintWriter out, Bench.LogisticFloor f, ClassifierCost c, Bench.Result r) {
    out.println();
    out.printf("floor of the default learner (logistic regression, fast path), per classifier, one thread;%n"
        + "unit costs measured in the same rounds: geometric skip %.2f ns, gathered multiply-add %.3f ns,"
        + " dense %.1f GFLOP/s%n", r.skipNs(), r.gatherNs(), r.peak());
    out.printf("%-8s %-62s %9s %12s %7s%n", "part", "counted", "floor ms", "measured cpu", "ratio");
    floorRow(out, "noise", String.format("%,.0f changed coordinates x 1 skip", f.changes()), f.noise(),
        c.cpuNoiseMs());
    floorRow(out, "cost fn", String.format("%.1f evals x (%,.0f gathered m-a + %.0f exp/log)", c.costEvaluations(),
        f.gathersPerEval(), f.transcendentals()), f.cost(), c.cpuCostMs());
    floorRow(out, "L-BFGS", String.format("%.1f iters, %.1f evals: %.2f MFLOP dense (+ init, input lists)",
        c.iterations(), c.costEvaluations(), f.lbfgsFlops() / 1e6), f.lbfgs(), c.cpuLbfgsMs());
    floorRow(out, "predict", String.format("(%,.0f clean inputs + %,.0f changes) x %d gathered m-a",
        f.cleanTestInputs() * r.test().count(), c.testChanges(), r.train().classes()), f.predict(),
        c.cpuPredictMs());
    floorRow(out, "total", "", f.total(), c.cpuMs());
    out.printf("default learner per classifier: %.2f ms CPU = %.2fx the floor of %.2f ms (%.2f ms wall)%n",
        c.cpuMs(), c.cpuMs() / f.total(), f.total(), c.totalMs());
  }

  private static void floorRow(PrintWriter out, String part, String counted, double floorMs, double measuredMs) {
    out.printf("%-8s %-62s %9.3f %12.3f %6.2fx%n", part, counted, floorMs, measuredMs, measuredMs / floorMs);
  }

  /** Raw bytes, row-major, and a one-line shape file: what {@code submit/peer/sklearn_smoothing.py} reads. */
  private static void exportSample(PrintWriter out, String dir, Examples train, Examples test) {
    try {
      java.nio.file.Path d = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      java.nio.file.Files.write(d.resolve("train-features.u8"), train.features());
      java.nio.file.Files.write(d.resolve("train-labels.u8"), train.labels());
      java.nio.file.Files.write(d.resolve("test-features.u8"), test.features());
      java.nio.file.Files.write(d.resolve("test-labels.u8"), test.labels());
      java.nio.file.Files.writeString(d.resolve("shape.txt"), String.format("%d %d %d %d %d%n", train.count(),
          test.count(), train.dim(), train.domains().largest(), train.classes()));
    } catch (java.io.IOException e) {
      throw new UserError("cannot write the sample to " + dir + ": " + e.getMessage());
    }
    out.printf("wrote %d training and %d test examples of %d features to %s%n", train.count(), test.count(),
        train.dim(), dir);
  }

  private static void split(PrintWriter out, String name, ClassifierCost t) {
    out.printf("%-14s %11.2f %9.2f %11.2f %10.2f %8.2f%n", name, t.noiseTrainMs(), t.costMs(), t.bookkeepingMs(),
        t.noiseTestMs(), t.predictMs());
  }

  private static void row(PrintWriter out, String name, ClassifierCost t, double flops, FitBaseline fit) {
    out.printf("%-14s %9.1f %10.1f %9.1f %7.2f %6.1f %6.1f %8.0f %8.2f %9s%n", name, t.trainMs(), t.testMs(),
        t.totalMs(), t.cpuMs(), t.iterations(), t.costEvaluations(), flops / 1e6, flops / t.totalMs() / 1e6,
        fit == null ? "-" : String.format("%.1fx", fit.msPerFit() / t.totalMs()));
  }
}
