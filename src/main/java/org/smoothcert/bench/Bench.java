package org.smoothcert.bench;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.fast.FastCost;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.model.mllib.BreezeAdapter;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * {@code smoothcert bench}'s experiment: what one classifier costs on one thread, for each learner
 * implementation and for {@code MultilayerPerceptronClassifier.fit()}, on the paper's data. The paths run in
 * interleaved rounds on the same classifiers, so that a shared machine's changing load slows them alike;
 * with the FLOPs each path does, the rate it reaches, the attainable rate and unit costs measured in the
 * same rounds, and how far the paths' weights are from each other and from fit()'s.
 */
public final class Bench {
  private static final long PEAK_MILLIS_PER_ROUND = 200;
  private static final long UNIT_MILLIS_PER_ROUND = 100;

  /**
   * What to time: the hidden units (0: logistic regression), classifiers timed a path after a warm-up, in
   * interleaved rounds, calls of fit() (0: none), classifiers the paths compare, and the noise.
   */
  public record Settings(int hidden, Timing timing, Comparisons comparisons, Draw draw) {
    /** Classifiers timed a path, after {@code warmUp} untimed ones, in {@code rounds} interleaved rounds. */
    public record Timing(int classifiers, int warmUp, int rounds) {}

    /** Calls of fit() (0: none) and the classifiers the paths compare. */
    public record Comparisons(int fits, int compared) {}

    /** The noise: its beta and seed. */
    public record Draw(double beta, long seed) {}

    public int classifiers() {
      return timing.classifiers();
    }

    public int warmUp() {
      return timing.warmUp();
    }

    public int rounds() {
      return timing.rounds();
    }

    public int fits() {
      return comparisons.fits();
    }

    public int compared() {
      return comparisons.compared();
    }

    public double beta() {
      return draw.beta();
    }

    public long seed() {
      return draw.seed();
    }

    public ClassifierNoise noise() {
      return new ClassifierNoise(seed(), beta());
    }
  }

  /**
   * One way of training the network, timed against the others; a dense cost does MLlib's FLOPs.
   *
   * @param flops what one classifier of the path does, counted ({@link MlpFlops#perClassifier})
   */
  public record Path(String name, ClassifierCost cost, boolean denseCost, double flops) {}

  /**
   * The floor of one logistic-regression classifier, counted from the work it cannot avoid, each part at
   * the rate this core reaches on that part's own inner loop (measured in the same rounds), against the
   * CPU time the fast path took for it: noise, one geometric skip a changed coordinate; the cost
   * function, per evaluation a gathered multiply-add per non-zero training input and class forward and
   * again for the gradient, plus the softmax's exps and the loss's log (at a skip's cost each);
   * L-BFGS, its vector arithmetic ({@link MlpFlops#lbfgs}) at the dense rate; prediction, a gathered
   * multiply-add per non-zero clean test input and class plus one per changed test pixel and class. Times
   * in ms.
   *
   * @param noising the changed coordinates and what drawing them costs
   * @param fitting the cost function's and L-BFGS's parts
   * @param predicting the clean test inputs and what predicting costs
   * @param total the floor: the sum of the parts
   */
  public record LogisticFloor(Noising noising, Fitting fitting, Predicting predicting, double total) {
    /** Changed coordinates (training and test) and their geometric skips' time. */
    public record Noising(double changes, double ms) {}

    public record Fitting(CostPart cost, LbfgsPart lbfgs) {}

    /** Gathered multiply-adds per evaluation, exps and logs per evaluation, and the cost function's time. */
    public record CostPart(double gathersPerEval, double transcendentals, double ms) {}

    /** L-BFGS's vector arithmetic, counted, and its time at the dense rate. */
    public record LbfgsPart(double flops, double ms) {}

    /** Non-zero clean test inputs per example and prediction's time. */
    public record Predicting(double cleanTestInputs, double ms) {}

    public double changes() {
      return noising.changes();
    }

    public double noise() {
      return noising.ms();
    }

    public double gathersPerEval() {
      return fitting.cost().gathersPerEval();
    }

    public double transcendentals() {
      return fitting.cost().transcendentals();
    }

    public double cost() {
      return fitting.cost().ms();
    }

    public double lbfgsFlops() {
      return fitting.lbfgs().flops();
    }

    public double lbfgs() {
      return fitting.lbfgs().ms();
    }

    public double cleanTestInputs() {
      return predicting.cleanTestInputs();
    }

    public double predict() {
      return predicting.ms();
    }
  }

  /**
   * What bench measured: the layers and data, non-zero inputs per example (classifier 0's), the paths
   * (mllib, sparse+breeze, sparse: the last is the default), fit() (null without), the attainable dense rate
   * in GFLOP/s and the unit costs in ns, each path's agreement with mllib (from the second path on), and
   * the default learner's floor (logistic regression only, else null).
   */
  public record Result(Setup setup, Data data, Rates rates, Timed timed) {
    /** The settings and the layers. */
    public record Setup(Settings settings, MlpConfig config) {}

    /** The data and the non-zero inputs per example of classifier 0's noised copies. */
    public record Data(Examples train, Examples test, double trainInputs, double testInputs) {}

    /** The attainable dense rate in GFLOP/s and the unit costs in ns. */
    public record Rates(double peak, double skipNs, double gatherNs) {}

    /** The paths, fit() (null without), the paths' agreements with mllib and the floor (null but for logistic). */
    public record Timed(List<Path> paths, FitBaseline fit, List<Agreement> agreements, LogisticFloor floor) {}

    public Settings settings() {
      return setup.settings();
    }

    public MlpConfig config() {
      return setup.config();
    }

    public Examples train() {
      return data.train();
    }

    public Examples test() {
      return data.test();
    }

    public double trainInputs() {
      return data.trainInputs();
    }

    public double testInputs() {
      return data.testInputs();
    }

    public List<Path> paths() {
      return timed.paths();
    }

    public FitBaseline fit() {
      return timed.fit();
    }

    public double peak() {
      return rates.peak();
    }

    public double skipNs() {
      return rates.skipNs();
    }

    public double gatherNs() {
      return rates.gatherNs();
    }

    public List<Agreement> agreements() {
      return timed.agreements();
    }

    public LogisticFloor floor() {
      return timed.floor();
    }

    /** The default path (sparse). */
    public Path sparse() {
      return paths().get(paths().size() - 1);
    }
  }

  private Bench() {}

  /**
   * sparse+breeze: the fast path's sparse cost under Breeze's own L-BFGS object, no learner a run trains;
   * bench times it to split the fast path's gain between its cost and its L-BFGS.
   */
  public static MlpTrainer sparseBreeze(MlpConfig config) {
    FastCost cost = new FastCost(config);
    BreezeAdapter lbfgs = new BreezeAdapter(config);
    return (train, seed) -> cost.train(lbfgs, train, seed);
  }

  /** Times every path (and fit() through {@code fitter}, when settings ask for fits) on {@code train} and {@code test}. */
  public static Result run(Settings s, Examples train, Examples test, FitBaseline.Fitter fitter) {
    ClassifierNoise noise = s.noise();
    NoisedCopies copies = new NoisedCopies(train, test, noise);
    RunConfig config = RunConfig.defaults().with(ConfigKeys.HIDDEN, s.hidden());
    MlpConfig base = config.learner();
    MlpConfig mllib = config.with(ConfigKeys.IMPLEMENTATION, MlpImplementation.MLLIB).learner();
    MlpConfig fast = config.with(ConfigKeys.IMPLEMENTATION, MlpImplementation.FAST).learner();
    // mllib is what fit() computes (bit for bit); sparse is the default fast path. sparse+breeze, its cost
    // under Breeze's own L-BFGS object, is no learner a run trains: bench keeps it to split the gain.
    List<String> names = List.of("mllib", "sparse+breeze", "sparse");
    List<MlpTrainer> trainers = List.of(new MlpLearner(mllib).newTrainer(), sparseBreeze(base),
        new MlpLearner(fast).newTrainer());
    double trainInputs = NoisedCopies.nonZeroPerExample(copies.train(0));
    double testInputs = NoisedCopies.nonZeroPerExample(copies.test(0));

    List<ClassifierCost> costs = trainers.stream().map(t -> new ClassifierCost(train, test, t, noise)).toList();
    for (MlpTrainer trainer : trainers) {
      new ClassifierCost(train, test, trainer, noise).run(0, s.warmUp());
    }
    FitBaseline fit = null;
    if (s.fits() > 0) {
      fit = new FitBaseline(fitter, copies, base, trainers);
      fit.warmUp(s.warmUp() + s.classifiers());
    }
    double peakSum = 0;
    double skipSum = 0;
    double gatherSum = 0;
    for (int r = 0; r < Math.max(s.rounds(), s.fits()); r++) {
      round(costs, s, r);
      if (r < s.rounds()) {
        peakSum += PeakRate.measure(PEAK_MILLIS_PER_ROUND);
        skipSum += UnitCosts.skipNanos(UNIT_MILLIS_PER_ROUND);
        gatherSum += UnitCosts.gatherNanos(UNIT_MILLIS_PER_ROUND);
      }
      if (r < s.fits()) {
        fit.run(r);
      }
    }
    double peak = peakSum / s.rounds();

    MlpFlops flops = new MlpFlops(train.dim(), s.hidden(), train.classes());
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < trainers.size(); i++) {
      ClassifierCost c = costs.get(i);
      boolean dense = i == 0;
      paths.add(new Path(names.get(i), c, dense, flops.perClassifier(c.costEvaluations(), c.iterations(),
          base.lbfgsMemory(), train.count(), dense ? train.dim() : trainInputs, test.count(),
          dense ? test.dim() : testInputs)));
    }
    List<Agreement> agreements = new ArrayList<>();
    for (int i = 1; i < trainers.size(); i++) {
      agreements.add(Agreement.of(trainers.get(0), trainers.get(i), copies, s.compared()));
    }
    double skipNs = skipSum / s.rounds();
    double gatherNs = gatherSum / s.rounds();
    LogisticFloor floor = s.hidden() == 0 ? logisticFloor(costs.get(costs.size() - 1), train, test, trainInputs,
        NoisedCopies.nonZeroPerExample(test), base, flops, peak, skipNs, gatherNs) : null;
    return new Result(new Result.Setup(s, base), new Result.Data(train, test, trainInputs, testInputs),
        new Result.Rates(peak, skipNs, gatherNs), new Result.Timed(paths, fit, agreements, floor));
  }

  /**
   * {@code --variants}: the per-classifier cost of each of {@code learners}, in interleaved rounds in this
   * one thread.
   */
  public static List<ClassifierCost> variants(Settings s, List<MlpConfig> learners, Examples train, Examples test) {
    ClassifierNoise noise = s.noise();
    List<ClassifierCost> costs = new ArrayList<>();
    for (MlpConfig learner : learners) {
      MlpTrainer trainer = new MlpLearner(learner).newTrainer();
      new ClassifierCost(train, test, trainer, noise).run(0, s.warmUp());
      costs.add(new ClassifierCost(train, test, trainer, noise));
    }
    for (int r = 0; r < s.rounds(); r++) {
      round(costs, s, r);
    }
    return costs;
  }

  /** Round {@code r}'s share of the timed classifiers, for each cost in turn (none after the last round). */
  private static void round(List<ClassifierCost> costs, Settings s, int r) {
    long chunk = (s.classifiers() + s.rounds() - 1) / s.rounds();
    long from = s.warmUp() + Math.min(s.classifiers(), r * chunk);
    long to = s.warmUp() + Math.min(s.classifiers(), (r + 1) * chunk);
    for (ClassifierCost cost : costs) {
      cost.run(from, to);
    }
  }

  private static LogisticFloor logisticFloor(ClassifierCost c, Examples train, Examples test, double trainInputs,
      double cleanTestInputs, MlpConfig config, MlpFlops flops, double peak, double skipNs, double gatherNs) {
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
    return new LogisticFloor(new LogisticFloor.Noising(changes, noise),
        new LogisticFloor.Fitting(new LogisticFloor.CostPart(gathersPerEval, transcendentals, cost),
            new LogisticFloor.LbfgsPart(lbfgsFlops, lbfgs)),
        new LogisticFloor.Predicting(cleanTestInputs, predict), floor);
  }
}
