package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.certify.Certificate;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpMargins;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.Engine;

/**
 * {@code smoothcert attack}: the clean run, then for each attack one poisoned training set and one
 * attacked test set, on which the smoothed classifier is trained and certified again with the same seed
 * (so classifier j meets exactly the clean run's noise) and one undefended MLP is trained. Each run is a
 * normal run directory under the output ({@code clean/}, {@code label-flip-r1/}, ...: checkpointed and
 * resumable); the comparison goes to {@code attack.csv}, {@code violations.csv} and the plot.
 * {@link #prepare} does everything before Spark starts (data, checking the run directories, the attacks);
 * {@link #execute} takes the directories and runs them.
 */
public final class AttackRun {
  private static final Logger LOG = LogManager.getLogger(AttackRun.class);

  /**
   * @param target the class index the attacks aim at
   * @param budgets the L0 budgets r
   * @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean}
   */
  public record Options(int target, List<Integer> budgets, String cleanLocation) {}

  /**
   * What the attacks did.
   *
   * @param location the folder of attack.csv, violations.csv and the plot
   * @param baseline the clean run and what it gives the attacker without an attack
   * @param attacks each attack's outcome, in the order they ran
   * @param seconds from the start until the reports were written
   */
  public record Result(String location, Baseline baseline, List<AttackResult> attacks, double seconds) {
    public RunReport clean() {
      return baseline.clean();
    }

    public double undefendedBaseline() {
      return baseline.undefended();
    }

    public double smoothedBaseline() {
      return baseline.smoothed();
    }

    public long violations() {
      return attacks.stream().mapToLong(r -> r.violations().size()).sum();
    }
  }

  /**
   * @param clean the clean run's certification
   * @param undefended share of victims the clean undefended MLP predicts as the target
   * @param smoothed share of victims the clean smoothed classifier predicts as the target
   */
  public record Baseline(RunReport clean, double undefended, double smoothed) {}

  private final RunConfig config;
  private final Options options;
  private final AttackSetting setting;
  private final TestPoints points;
  private final long start;
  private final UndefendedModel undefended;
  private final MlpClassifier cleanMlp;
  private final List<Attack> attacks;
  private final List<RunDirectory> attackDirs = new ArrayList<>();

  private AttackRun(RunConfig config, Options options, Configuration hadoop) {
    this.start = System.nanoTime();
    this.config = config;
    this.options = options;
    this.setting = new AttackSetting(config, options.cleanLocation(), hadoop);
    this.points = setting.points;
    Examples train = setting.train();
    Examples test = setting.test();
    this.undefended = new UndefendedModel(setting.learner, config.seed());
    this.cleanMlp = undefended.train(train);
    this.attacks = new AttackPlan(train, test, options.target(),
        MlpMargins.of(cleanMlp, train.domains().uniform())).attacks(options.budgets());
    for (Attack a : attacks) {
      attackDirs.add(setting.attackDirectory(a.name(), a.train(), a.test()));
    }
  }

  /** Loads the data, checks the run directories and plans the attacks (training the clean undefended MLP). */
  public static AttackRun prepare(RunConfig config, Options options, Configuration hadoop) {
    return new AttackRun(config, options, hadoop);
  }

  /** The folder of the comparison; the attacked runs are below it. */
  public String location() {
    return setting.root.location();
  }

  public String cleanLocation() {
    return setting.clean.location();
  }

  public int attackCount() {
    return attacks.size();
  }

  /**
   * Takes the output folder and every run directory (refusing while another run holds one), certifies the
   * clean run, then mounts every attack, and writes the comparison; the directories are released in any case.
   */
  public Result execute(String master) {
    try (AttackSetting taken = setting) {
      taken.begin();
      return attack(master);
    }
  }

  private Result attack(String master) {
    Engine engine = Engine.start(master, "smoothcert attack " + location());
    List<AttackResult> results = new ArrayList<>();
    RunReport cleanReport;
    try {
      cleanReport = setting.smoothed(engine, setting.clean, setting.train(), setting.test(), "clean");
      for (int k = 0; k < attacks.size(); k++) {
        Attack a = attacks.get(k);
        LOG.info("attack {} of {}: {}", k + 1, attacks.size(), a.name());
        RunReport attacked = setting.smoothed(engine, attackDirs.get(k), a.train(), a.test(), a.name());
        results.add(AttackResult.evaluate(a, points.trueLabels(), cleanReport.certification().certificates(),
            attacked.certification().certificates(), cleanReport.certification().votes(),
            attacked.certification().votes(), undefendedPredictions(), undefended.predictionsUnder(a)));
      }
    } finally {
      engine.close();
    }
    double undefendedBaseline = targetShare(undefendedPredictions());
    double smoothedBaseline = targetShare(smoothedPredictions(cleanReport));
    writeReports(cleanReport, results, undefendedBaseline, smoothedBaseline);
    setting.root.seal();
    return new Result(location(), new Baseline(cleanReport, undefendedBaseline, smoothedBaseline),
        List.copyOf(results), (System.nanoTime() - start) / 1e9);
  }

  private int[] undefendedPredictions() {
    int[] predictions = new int[setting.test().count()];
    cleanMlp.predict(setting.test().features(), predictions.length, predictions);
    return predictions;
  }

  private static int[] smoothedPredictions(RunReport clean) {
    Certificate[] certificates = clean.certification().certificates();
    int[] predictions = new int[certificates.length];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] = certificates[i].label();
    }
    return predictions;
  }

  /** How often victims are predicted as the target without any attack: what each attack's success adds to. */
  private double targetShare(int[] predictions) {
    return AttackResult.targetShare(predictions, points.trueLabels(), options.target());
  }

  private void writeReports(RunReport clean, List<AttackResult> results, double undefendedBaseline,
      double smoothedBaseline) {
    setting.root.writeText("attack.csv", AttackCsv.attacks(results, options.target(), undefendedBaseline,
        smoothedBaseline));
    setting.root.writeText("violations.csv", AttackCsv.violations(results, points.sourceIndices()));
    double[] certifiedShare = new double[options.budgets().size()];
    for (int k = 0; k < certifiedShare.length; k++) {
      certifiedShare[k] = AttackResult.certifiedVictimShare(clean.certification().certificates(),
          points.trueLabels(), options.target(), options.budgets().get(k));
    }
    AttackPlot plot = new AttackPlot(String.format("beta=%s, N=%,d, %d training and %d test images, target digit %d",
        config.smoothing().beta(), config.smoothing().classifiers(), setting.train().count(), setting.test().count(),
        config.data().digits().get(options.target())), results, options.budgets(), certifiedShare)
        .undefendedLearner(config.learner().hidden() == 0 ? "logistic regression" : "MLP");
    setting.root.writeBytes("attack.png", plot.png());
    setting.root.writeText("attack.svg", plot.svg());
  }
}
