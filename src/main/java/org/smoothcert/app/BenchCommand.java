package org.smoothcert.app;

import dev.ludovic.netlib.blas.BLAS;
import java.io.PrintStream;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.bench.Agreement;
import org.smoothcert.bench.LearnerTiming;
import org.smoothcert.bench.MlpFlops;
import org.smoothcert.bench.NoisedCopies;
import org.smoothcert.bench.PeakRate;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.MnistData;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.model.MlpLearner;
import org.smoothcert.noise.ClassifierNoise;
import org.smoothcert.spark.CertifyRun;
import org.smoothcert.spark.FitBaseline;
import org.smoothcert.spark.SparkSessions;

/**
 * {@code smoothcert bench}: what one classifier costs on one thread, for each learner implementation
 * and for {@code MultilayerPerceptronClassifier.fit()}, on the paper's data (MNIST 1/7, T=100, m=1000,
 * beta=0.9), measured in one run and reported as ratios; with the FLOPs each path does, the rate it
 * reaches, the floor at the measured attainable rate, and how far the implementations' weights are
 * from each other and from fit()'s.
 */
final class BenchCommand implements Command {
  @Override
  public String summary() {
    return "per-classifier cost of each learner and of fit(), single thread [--hidden H] [--classifiers N]"
        + " [--fits K] [--data DIR]";
  }

  @Override
  public int run(String[] argv, PrintStream out) {
    Args args = Args.parse(argv, Set.of());
    String dir = args.string("data", "data/mnist-1-7");
    int hidden = args.intOr("hidden", 32);
    int classifiers = args.intOr("classifiers", 200);
    int warmUp = args.intOr("warm-up", 50);
    int fits = args.intOr("fits", 5);
    int compared = args.intOr("agreement", 20);
    double beta = args.doubleOr("beta", 0.9);
    long seed = args.longOr("seed", 0);
    args.rejectUnknown();
    if (classifiers < 1 || warmUp < 0 || fits < 0 || compared < 0 || hidden < 1) {
      throw new org.smoothcert.UserError("--classifiers and --hidden must be >= 1, --warm-up, --fits and"
          + " --agreement >= 0");
    }

    DataSample sample = MnistData.load(CertifyRun.withResolvedDir(DataSpec.paper(dir, 0)), new Configuration());
    Examples train = sample.train();
    Examples test = sample.test();
    ClassifierNoise noise = new ClassifierNoise(seed, beta);
    NoisedCopies copies = new NoisedCopies(train, test, noise);
    MlpConfig sparse = MlpConfig.defaults().withHidden(hidden);
    MlpConfig mllib = sparse.withImplementation(MlpImplementation.MLLIB);
    MlpFlops flops = new MlpFlops(train.dim(), hidden, train.classes());
    double trainInputs = NoisedCopies.nonZeroPerExample(copies.train(0));
    double testInputs = NoisedCopies.nonZeroPerExample(copies.test(0));

    out.printf("smoothcert bench: layers [%d, %d, %d], %d training and %d test points, beta %s, one thread%n",
        train.dim(), hidden, train.classes(), train.count(), test.count(), beta);
    out.printf("BLAS for MLlib and Breeze: %s; non-zero inputs per example (classifier 0): train %.1f, test %.1f%n",
        BLAS.getInstance().getClass().getSimpleName(), trainInputs, testInputs);
    double peak = PeakRate.measure(1000);
    LearnerTiming mllibTime = LearnerTiming.measure(train, test, new MlpLearner(mllib), noise, warmUp, classifiers);
    LearnerTiming sparseTime = LearnerTiming.measure(train, test, new MlpLearner(sparse), noise, warmUp, classifiers);
    Agreement agreement = Agreement.of(new MlpLearner(mllib).newTrainer(), new MlpLearner(sparse).newTrainer(),
        copies, compared);
    FitBaseline fit = null;
    FitBaseline fitMllib = null;
    if (fits > 0) {
      SparkSession spark = SparkSessions.start("local[1]", "smoothcert bench");
      try {
        fit = FitBaseline.measure(spark, copies, sparse, fits, new MlpLearner(sparse).newTrainer());
        fitMllib = FitBaseline.measure(spark, copies, mllib, Math.min(fits, 2), new MlpLearner(mllib).newTrainer());
      } finally {
        spark.stop();
      }
    }

    double mllibFlops = modelFlops(flops, mllibTime, train, test, train.dim(), train.dim(), sparse);
    double sparseFlops = modelFlops(flops, sparseTime, train, test, trainInputs, testInputs, sparse);
    out.println();
    out.printf("%-8s %9s %10s %9s %6s %6s %8s %8s %9s%n", "path", "train ms", "predict ms", "total ms",
        "iters", "evals", "MFLOP", "GFLOP/s", "vs fit()");
    row(out, "mllib", mllibTime, mllibFlops, fit);
    row(out, "sparse", sparseTime, sparseFlops, fit);
    if (fit != null) {
      out.printf("%-8s %9.1f %10s %9.1f   (one MultilayerPerceptronClassifier.fit() per classifier, local[1], train only)%n",
          "fit()", fit.msPerFit(), "-", fit.msPerFit());
    }
    out.println();
    out.printf("sparse vs mllib: %.2fx faster per classifier%n", mllibTime.totalMs() / sparseTime.totalMs());
    out.printf("attainable rate (y += a*x in L1, this JVM, one core): %.1f GFLOP/s%n", peak);
    out.printf("floor of the sparse path: %.1f MFLOP / %.1f GFLOP/s = %.1f ms; measured %.1f ms = %.2fx the floor%n",
        sparseFlops / 1e6, peak, sparseFlops / peak / 1e6, sparseTime.totalMs(),
        sparseTime.totalMs() / (sparseFlops / peak / 1e6));
    out.printf("floor of the dense (MLlib) arithmetic: %.1f MFLOP / %.1f GFLOP/s = %.1f ms%n",
        mllibFlops / 1e6, peak, mllibFlops / peak / 1e6);
    out.printf("agreement over %d classifiers: sparse vs mllib weights max |difference| %.3g, %d of %d noised test"
        + " labels differ%n", agreement.classifiers(), agreement.maxWeightDifference(), agreement.disagreements(),
        agreement.predictions());
    if (fit != null) {
      out.printf("fit() vs sparse weights over %d classifiers: max |difference| %.3g; fit() vs mllib over %d: %.3g%n",
          fit.fits(), fit.maxWeightDifference(), fitMllib.fits(), fitMllib.maxWeightDifference());
    }
    return 0;
  }

  private static double modelFlops(MlpFlops flops, LearnerTiming t, Examples train, Examples test,
      double trainInputs, double testInputs, MlpConfig config) {
    return t.costEvaluations() * flops.costEvaluation(train.count(), trainInputs)
        + flops.lbfgs(t.iterations(), t.costEvaluations(), config.lbfgsMemory())
        + flops.prediction(test.count(), testInputs);
  }

  private static void row(PrintStream out, String name, LearnerTiming t, double flops, FitBaseline fit) {
    out.printf("%-8s %9.1f %10.1f %9.1f %6.1f %6.1f %8.0f %8.2f %9s%n", name, t.trainMs(), t.predictMs(),
        t.totalMs(), t.iterations(), t.costEvaluations(), flops / 1e6, flops / t.totalMs() / 1e6,
        fit == null ? "-" : String.format("%.1fx", fit.msPerFit() / t.totalMs()));
  }
}
