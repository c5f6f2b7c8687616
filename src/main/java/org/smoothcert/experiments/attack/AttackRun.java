package org.smoothcert.experiments.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.certify.Certificate;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.experiments.RunData;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.fast.MlpLearner;
import org.smoothcert.model.MlpMargins;
import org.smoothcert.report.Reports;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.CollectedVotes;
import org.smoothcert.spark.Engine;
import org.smoothcert.votes.RunVotes;

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
   * @param clean the clean run's certification
   * @param undefendedBaseline share of victims the clean undefended MLP predicts as the target
   * @param smoothedBaseline share of victims the clean smoothed classifier predicts as the target
   * @param attacks each attack's outcome, in the order they ran
   * @param seconds from the start until the reports were written
   */
  public record Result(String location, RunReport clean, double undefendedBaseline, double smoothedBaseline,
      List<AttackResult> attacks, double seconds) {
    public long violations() {
      return attacks.stream().mapToLong(r -> r.violations().size()).sum();
    }
  }

  private final RunConfig config;
  private final Options options;
  private final DataSample sample;
  private final TestPoints points;
  private final long start;
  private final RunDirectory root;
  private final RunDirectory clean;
  private final MlpLearner learner;
  private final UndefendedModel undefended;
  private final MlpClassifier cleanMlp;
  private final List<Attack> attacks;
  private final List<RunDirectory> attackDirs = new ArrayList<>();
  /** The identity of each run directory's votes, bound when the run starts. */
  private final Map<RunDirectory, Map<String, String>> identities = new LinkedHashMap<>();

  private AttackRun(RunConfig config, Options options, Configuration hadoop) {
    if (config.data().certified() != CertifiedPoints.TEST) {
      throw new UserError("attack mounts its attacks on test points: " + DataSpec.KEY_CERTIFY_ON + " must be test");
    }
    this.start = System.nanoTime();
    this.config = config;
    this.options = options;
    if (config.table().format().isTable()) {
      throw new UserError("attack needs images (data.format = idx): its triggers are patches of pixels, got data.format = "
          + config.table().format().key());
    }
    this.sample = RunData.load(config, hadoop);
    this.points = TestPoints.of(sample.test(), sample.certifiedSourceIndices());
    Examples train = sample.train();
    Examples test = sample.test();
    boolean force = config.job().force();
    this.root = RunDirectory.writable(config.job().out(), hadoop, force);
    String cleanLocation = options.cleanLocation() != null ? options.cleanLocation() : root.location() + "/clean";
    this.clean = check(RunDirectory.writable(cleanLocation, hadoop, force), train, test, Map.of());

    this.learner = new MlpLearner(config.learner());
    this.undefended = new UndefendedModel(learner, config.seed());
    this.cleanMlp = undefended.train(train);
    this.attacks = new AttackPlan(train, test, options.target(),
        MlpMargins.of(cleanMlp, train.domains().uniform())).attacks(options.budgets());
    for (Attack a : attacks) {
      attackDirs.add(check(RunDirectory.writable(root.location() + "/" + a.name(), hadoop, force), a.train(),
          a.test(), Map.of("attack", a.name())));
    }
  }

  /** Loads the data, checks the run directories and plans the attacks (training the clean undefended MLP). */
  public static AttackRun prepare(RunConfig config, Options options, Configuration hadoop) {
    return new AttackRun(config, options, hadoop);
  }

  /** The folder of the comparison; the attacked runs are below it. */
  public String location() {
    return root.location();
  }

  public String cleanLocation() {
    return clean.location();
  }

  public int attackCount() {
    return attacks.size();
  }

  /**
   * Takes the output folder and every run directory (refusing while another run holds one), certifies the
   * clean run, then mounts every attack, and writes the comparison; the directories are released in any case.
   */
  public Result execute(String master) {
    try (RunDirectory output = root) {
      output.begin();
      identities.forEach(RunDirectory::claim);
      for (RunDirectory dir : identities.keySet()) {
        dir.writeText(RunDirectory.CONFIG_FILE, config.render());
        dir.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
      }
      return attack(master);
    } finally {
      identities.keySet().forEach(RunDirectory::close);
    }
  }

  private Result attack(String master) {
    Engine engine = Engine.start(master, "smoothcert attack " + root.location());
    List<AttackResult> results = new ArrayList<>();
    RunReport cleanReport;
    try {
      cleanReport = smoothed(engine, clean, sample.train(), sample.test(), "clean");
      for (int k = 0; k < attacks.size(); k++) {
        Attack a = attacks.get(k);
        LOG.info("attack {} of {}: {}", k + 1, attacks.size(), a.name());
        RunReport attacked = smoothed(engine, attackDirs.get(k), a.train(), a.test(), a.name());
        results.add(AttackResult.evaluate(a, points.trueLabels(), cleanReport.certification().certificates(),
            attacked.certification().certificates(), undefended.predictionsUnder(a)));
      }
    } finally {
      engine.close();
    }
    writeReports(cleanReport, results);
    root.seal();
    return new Result(root.location(), cleanReport, targetShare(undefendedPredictions()),
        targetShare(smoothedPredictions(cleanReport)), List.copyOf(results), (System.nanoTime() - start) / 1e9);
  }

  private int[] undefendedPredictions() {
    int[] predictions = new int[sample.test().count()];
    cleanMlp.predict(sample.test().features(), predictions.length, predictions);
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

  /** Refuses, before Spark starts, a run directory that holds the votes of another config than these data's. */
  private RunDirectory check(RunDirectory dir, Examples train, Examples test, Map<String, String> extra) {
    Map<String, String> identity = new LinkedHashMap<>(config.votesIdentity(RunData.sha256(train, test)));
    identity.putAll(extra);
    dir.requireIdentity(identity);
    identities.put(dir, identity);
    return dir;
  }

  /** The smoothed classifier on (train, test) with the run's seed: trained on Spark, certified, reported. */
  private RunReport smoothed(Engine engine, RunDirectory dir, Examples train, Examples test, String name) {
    long started = System.nanoTime();
    CollectedVotes votes = engine.votes(dir, train, test, learner, config.seed(), config.smoothing().beta(),
        config.smoothing().classifiers(), config.job().slices(), config.certify().selectionClassifiers());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("directory", dir.location());
    run.put("attack", name);
    run.put("master", engine.master());
    run.put("spark_version", engine.sparkVersion());
    run.put("classifiers_trained", votes.trainedClassifiers());
    run.put("classifiers_reused", votes.reusedClassifiers());
    RunVotes runVotes = RunVotes.of(votes.slices(), test.count(), test.classes(),
        config.certify().selectionClassifiers());
    RunReport report = Reports.certifyAndWrite(dir, config, sample.train().domains().largest(), runVotes, points,
        RunData.provenance(sample), run, started);
    dir.seal();
    return report;
  }

  private void writeReports(RunReport clean, List<AttackResult> results) {
    root.writeText("attack.csv", AttackCsv.attacks(results));
    root.writeText("violations.csv", AttackCsv.violations(results, points.sourceIndices()));
    double[] certifiedShare = new double[options.budgets().size()];
    for (int k = 0; k < certifiedShare.length; k++) {
      certifiedShare[k] = AttackResult.certifiedVictimShare(clean.certification().certificates(),
          points.trueLabels(), options.target(), options.budgets().get(k));
    }
    AttackPlot plot = new AttackPlot(String.format("beta=%s, N=%,d, %d training and %d test images, target digit %d",
        config.smoothing().beta(), config.smoothing().classifiers(), sample.train().count(), sample.test().count(),
        config.data().digits().get(options.target())), results, options.budgets(), certifiedShare);
    root.writeBytes("attack.png", plot.png());
    root.writeText("attack.svg", plot.svg());
  }
}
