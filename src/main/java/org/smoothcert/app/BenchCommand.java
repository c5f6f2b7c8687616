package org.smoothcert.app;

import dev.ludovic.netlib.blas.BLAS;
import java.io.PrintWriter;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.UserError;
import org.smoothcert.bench.Agreement;
import org.smoothcert.bench.Bench;
import org.smoothcert.bench.ClassifierCost;
import org.smoothcert.bench.FitBaseline;
import org.smoothcert.bench.MlpFlops;
import org.smoothcert.bench.NoisedCopies;
import org.smoothcert.bench.PeakRate;
import org.smoothcert.bench.UnitCosts;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.experiments.RunData;
import org.smoothcert.experiments.Study;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.fast.VectorLanes;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;
import org.smoothcert.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert bench}: what one classifier costs on one thread, for each learner implementation
 * and for {@code MultilayerPerceptronClassifier.fit()}, on the paper's data (MNIST 1/7, T=100, m=1000,
 * beta=0.9). The paths run in interleaved rounds on the same classifiers, so that a shared machine's
 * changing load slows them alike, and are reported as ratios; with the FLOPs each path does, the rate
 * it reaches, the floor at the attainable rate measured in the same rounds, and how far the paths'
 * weights are from each other and from fit()'s.
 */
@Command(name = "bench",
    description = "The per-classifier cost of each learner and of MLlib's fit(), in one thread, on the paper's data"
        + " (MNIST 1/7).")
final class BenchCommand extends Subcommand {
  private static final long PEAK_MILLIS_PER_ROUND = 200;
  private static final long UNIT_MILLIS_PER_ROUND = 100;

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

  /**
   * {@code --variants FILE}: the per-classifier cost of each learner of a study file (its learner keys;
   * other keys are ignored), in interleaved rounds in this one thread, with the ratio to the first.
   */
  private static void variants(PrintWriter out, String file, Examples train, Examples test, ClassifierNoise noise,
      int warmUp, int classifiers, int rounds) {
    List<Study.Variant> variants = Study.readVariants(file, new Configuration());
    List<ClassifierCost> costs = new java.util.ArrayList<>();
    out.printf("smoothcert bench --variants %s: %d variants, one thread%n", file, variants.size());
    out.printf("vector width of the fast path's kernels: %s%n", VectorLanes.describe());
    for (Study.Variant v : variants) {
      MlpConfig learner = RunConfig.from(ConfigLoader.load(null, v.sets(), new Configuration())).learner();
      MlpTrainer trainer = new MlpLearner(learner).newTrainer();
      new ClassifierCost(train, test, trainer, noise).run(0, warmUp);
      costs.add(new ClassifierCost(train, test, trainer, noise));
    }
    long chunk = (classifiers + rounds - 1) / rounds;
    for (int r = 0; r < rounds; r++) {
      long from = warmUp + Math.min(classifiers, r * chunk);
      long to = warmUp + Math.min(classifiers, (r + 1) * chunk);
      for (ClassifierCost cost : costs) {
        cost.run(from, to);
      }
    }
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
        test.count(), costs.get(0).classifiers(), rounds);
  }

  @Override
  int run(PrintWriter out) {
    // The default config's hidden size: the speed that matters is the one users run.
    RunConfig defaults = RunConfig.defaults();
    int hidden = hiddenUnits != null ? hiddenUnits : defaults.learner().hidden();
    if (classifiers < 1 || rounds < 1 || hidden < 0 || warmUp < 0 || fits < 0 || compared < 0) {
      throw new UserError("--classifiers and --rounds must be >= 1; --hidden (0 = logistic regression),"
          + " --warm-up, --fits and --agreement >= 0");
    }

    DataSample sample = MnistData.load(RunData.withResolvedDir(DataSpec.paper(dir, 0)), new Configuration());
    Examples train = sample.train();
    Examples test = sample.test();
    if (exportDir != null) {
      exportSample(out, exportDir, train, test);
      return 0;
    }
    ClassifierNoise noise = new ClassifierNoise(seed, beta);
    NoisedCopies copies = new NoisedCopies(train, test, noise);
    RunConfig config = defaults.with(ConfigKeys.HIDDEN, hidden);
    MlpConfig base = config.learner();
    MlpConfig mllib = config.with(ConfigKeys.IMPLEMENTATION, MlpImplementation.MLLIB).learner();
    MlpConfig fast = config.with(ConfigKeys.IMPLEMENTATION, MlpImplementation.FAST).learner();
    // mllib is what fit() computes (bit for bit); sparse is the default fast path. sparse+breeze, its cost
    // under Breeze's own L-BFGS object, is no learner a run trains: bench keeps it to split the gain.
    List<Path> paths = List.of(
        new Path("mllib", new MlpLearner(mllib).newTrainer(), true),
        new Path("sparse+breeze", Bench.sparseBreeze(base), false),
        new Path("sparse", new MlpLearner(fast).newTrainer(), false));
    double trainInputs = NoisedCopies.nonZeroPerExample(copies.train(0));
    double testInputs = NoisedCopies.nonZeroPerExample(copies.test(0));
    if (variantsFile != null) {
      variants(out, variantsFile, train, test, noise, warmUp, classifiers, rounds);
      return 0;
    }
    out.printf("smoothcert bench: layers [%d, %d, %d], %d training and %d test points, beta %s, one thread%n",
        train.dim(), hidden, train.classes(), train.count(), test.count(), beta);
    out.printf("BLAS for MLlib and Breeze: %s; non-zero inputs per example (classifier 0): train %.1f, test %.1f%n",
        BLAS.getInstance().getClass().getSimpleName(), trainInputs, testInputs);
    out.printf("vector width of the fast path's kernels: %s%n", VectorLanes.describe());
    out.printf("paths: mllib = MLlib's dense cost + Breeze's LBFGS (fit()'s arithmetic); sparse+breeze = sparse"
        + " cost + Breeze's LBFGS;%n       sparse = sparse cost + the array L-BFGS (the default:"
        + " learner.implementation = fast)%n");

    SparkSession spark = fits > 0 ? SparkSessions.start("local[1]", "smoothcert bench") : null;
    List<MlpTrainer> trainers = paths.stream().map(Path::trainer).toList();
    List<ClassifierCost> costs = trainers.stream().map(t -> new ClassifierCost(train, test, t, noise)).toList();
    FitBaseline fit = null;
    double peakSum = 0;
    double skipSum = 0;
    double gatherSum = 0;
    try {
      for (MlpTrainer trainer : trainers) {
        new ClassifierCost(train, test, trainer, noise).run(0, warmUp);
      }
      if (spark != null) {
        fit = new FitBaseline(spark, copies, base, trainers);
        fit.warmUp(warmUp + classifiers);
      }
      long chunk = (classifiers + rounds - 1) / rounds;
      for (int r = 0; r < Math.max(rounds, fits); r++) {
        long from = warmUp + Math.min(classifiers, r * chunk);
        long to = warmUp + Math.min(classifiers, (r + 1) * chunk);
        for (ClassifierCost cost : costs) {
          cost.run(from, to);
        }
        if (r < rounds) {
          peakSum += PeakRate.measure(PEAK_MILLIS_PER_ROUND);
          skipSum += UnitCosts.skipNanos(UNIT_MILLIS_PER_ROUND);
          gatherSum += UnitCosts.gatherNanos(UNIT_MILLIS_PER_ROUND);
        }
        if (r < fits) {
          fit.run(r);
        }
      }
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
    double peak = peakSum / rounds;
    double skipNs = skipSum / rounds;
    double gatherNs = gatherSum / rounds;

    MlpFlops flops = new MlpFlops(train.dim(), hidden, train.classes());
    double[] pathFlops = new double[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      ClassifierCost c = costs.get(i);
      boolean dense = paths.get(i).denseCost();
      pathFlops[i] = flops.perClassifier(c.costEvaluations(), c.iterations(), base.lbfgsMemory(), train.count(),
          dense ? train.dim() : trainInputs, test.count(), dense ? test.dim() : testInputs);
    }
    out.println();
    out.printf("%-14s %9s %10s %9s %7s %6s %6s %8s %8s %9s%n", "path", "train ms", "predict ms", "total ms",
        "cpu ms", "iters", "evals", "MFLOP", "GFLOP/s", "vs fit()");
    for (int i = 0; i < paths.size(); i++) {
      row(out, paths.get(i).name(), costs.get(i), pathFlops[i], fit);
    }
    if (fit != null) {
      out.printf("%-14s %9.1f %10s %9.1f   (MultilayerPerceptronClassifier.fit(), local[1], %d fits, train only)%n",
          "fit()", fit.msPerFit(), "-", fit.msPerFit(), fit.fits());
    }
    ClassifierCost sparse = costs.get(costs.size() - 1);
    double sparseFlops = pathFlops[pathFlops.length - 1];
    out.printf("(train = noise + training, predict = noise + predicting %d points; %d classifiers a path in %d"
        + " interleaved rounds)%n", test.count(), sparse.classifiers(), rounds);
    out.println();
    out.printf("where the time goes (ms per classifier):%n");
    out.printf("%-14s %11s %9s %11s %10s %8s%n", "path", "noise train", "cost fn", "L-BFGS rest", "noise test",
        "predict");
    for (int i = 0; i < paths.size(); i++) {
      split(out, paths.get(i).name(), costs.get(i));
    }
    out.println();
    out.printf("sparse vs mllib: %.2fx faster per classifier (wall), %.2fx (CPU); vs sparse+breeze: %.2fx (wall),"
        + " %.2fx (CPU)%n", costs.get(0).totalMs() / sparse.totalMs(), costs.get(0).cpuMs() / sparse.cpuMs(),
        costs.get(1).totalMs() / sparse.totalMs(), costs.get(1).cpuMs() / sparse.cpuMs());
    if (hidden == 0) {
      logisticFloor(out, sparse, train, test, trainInputs, NoisedCopies.nonZeroPerExample(test), base, flops, peak,
          skipNs, gatherNs);
    }
    if (hidden > 0) {
      // A network's floor: its FLOPs at the dense rate (its columns are as wide as the hidden layer).
      out.printf("attainable rate (y += a*x in L1, this JVM, one core, same rounds): %.1f GFLOP/s%n", peak);
      out.printf("floor of the sparse path: %.1f MFLOP / %.1f GFLOP/s = %.1f ms; measured %.1f ms CPU = %.2fx the"
          + " floor%n", sparseFlops / 1e6, peak, sparseFlops / peak / 1e6, sparse.cpuMs(),
          sparse.cpuMs() / (sparseFlops / peak / 1e6));
      out.printf("floor of the dense (MLlib) arithmetic: %.1f MFLOP / %.1f GFLOP/s = %.1f ms%n",
          pathFlops[0] / 1e6, peak, pathFlops[0] / peak / 1e6);
    }
    for (int i = 1; i < paths.size(); i++) {
      Agreement agreement = Agreement.of(trainers.get(0), trainers.get(i), copies, compared);
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
    }
    return 0;
  }

  /**
   * The floor of one logistic-regression classifier, counted from the work it cannot avoid, each part at
   * the rate this core reaches on that part's own inner loop (measured in the same rounds), against the
   * CPU time the fast path took for it: noise, one geometric skip a changed coordinate; the cost
   * function, per evaluation a gathered multiply-add per non-zero training input and class forward and
   * again for the gradient, plus the softmax's exps and the loss's log (at a skip's cost each);
   * L-BFGS, its vector arithmetic ({@link MlpFlops#lbfgs}) at the dense rate; prediction, a gathered
   * multiply-add per non-zero clean test input and class plus one per changed test pixel and class.
   */
  private static void logisticFloor(PrintWriter out, ClassifierCost c, Examples train, Examples test,
      double trainInputs, double cleanTestInputs, MlpConfig config, MlpFlops flops, double peak, double skipNs,
      double gatherNs) {
    int k = train.classes();
    double changes = c.trainChanges() + c.testChanges();
    double noise = changes * skipNs / 1e6;
    double gathersPerEval = 2.0 * trainInputs * train.count() * k;
    double transcendentals = train.count() * (k + 1.0);
    double cost = c.costEvaluations() * (gathersPerEval * gatherNs + transcendentals * skipNs) / 1e6;
    double lbfgsFlops = flops.lbfgs(c.iterations(), c.costEvaluations(), config.lbfgsMemory());
    double lbfgs = lbfgsFlops / peak / 1e6;
    double predictGathers = (cleanTestInputs * test.count() + c.testChanges()) * k;
    double predict = predictGathers * gatherNs / 1e6;
    double floor = noise + cost + lbfgs + predict;
    out.println();
    out.printf("floor of the default learner (logistic regression, fast path), per classifier, one thread;%n"
        + "unit costs measured in the same rounds: geometric skip %.2f ns, gathered multiply-add %.3f ns,"
        + " dense %.1f GFLOP/s%n", skipNs, gatherNs, peak);
    out.printf("%-8s %-62s %9s %12s %7s%n", "part", "counted", "floor ms", "measured cpu", "ratio");
    floorRow(out, "noise", String.format("%,.0f changed coordinates x 1 skip", changes), noise, c.cpuNoiseMs());
    floorRow(out, "cost fn", String.format("%.1f evals x (%,.0f gathered m-a + %.0f exp/log)", c.costEvaluations(),
        gathersPerEval, transcendentals), cost, c.cpuCostMs());
    floorRow(out, "L-BFGS", String.format("%.1f iters, %.1f evals: %.2f MFLOP dense (+ init, input lists)",
        c.iterations(), c.costEvaluations(), lbfgsFlops / 1e6), lbfgs, c.cpuLbfgsMs());
    floorRow(out, "predict", String.format("(%,.0f clean inputs + %,.0f changes) x %d gathered m-a",
        cleanTestInputs * test.count(), c.testChanges(), k), predict, c.cpuPredictMs());
    floorRow(out, "total", "", floor, c.cpuMs());
    out.printf("default learner per classifier: %.2f ms CPU = %.2fx the floor of %.2f ms (%.2f ms wall)%n",
        c.cpuMs(), c.cpuMs() / floor, floor, c.totalMs());
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

  /** One way of training the network, timed against the others; a dense cost does MLlib's FLOPs. */
  private record Path(String name, MlpTrainer trainer, boolean denseCost) {}

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
