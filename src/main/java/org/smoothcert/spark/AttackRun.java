package org.smoothcert.spark;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.attack.Attack;
import org.smoothcert.attack.AttackPlan;
import org.smoothcert.attack.AttackResult;
import org.smoothcert.attack.UndefendedModel;
import org.smoothcert.certify.Certificate;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.Examples;
import org.smoothcert.data.MnistData;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpMargins;
import org.smoothcert.model.fast.MlpLearner;
import org.smoothcert.report.AttackCsv;
import org.smoothcert.report.AttackPlot;
import org.smoothcert.report.AttackTable;
import org.smoothcert.report.TestPoints;
import org.smoothcert.votes.RunVotes;

/**
 * {@code smoothcert attack}: the clean run, then for each attack one poisoned training set and one
 * attacked test set, on which the smoothed classifier is trained and certified again with the same seed
 * (so classifier j meets exactly the clean run's noise) and one undefended MLP is trained. Each run is a
 * normal run directory under the output ({@code clean/}, {@code label-flip-r1/}, ...: checkpointed and
 * resumable); the comparison goes to {@code attack.csv}, {@code violations.csv} and the plot.
 */
public final class AttackRun {
  /**
   * @param target the class index the attacks aim at
   * @param budgets the L0 budgets r
   * @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean}
   */
  public record Options(int target, List<Integer> budgets, String cleanLocation) {}

  private final RunConfig config;
  private final DataSample sample;
  private final TestPoints points;
  private final PrintStream out;

  private AttackRun(RunConfig config, DataSample sample, PrintStream out) {
    this.config = config;
    this.sample = sample;
    this.points = TestPoints.of(sample.test(), sample.provenance().test().sourceIndices());
    this.out = out;
  }

  public static int execute(RunConfig config, Options options, String master, Configuration hadoop, PrintStream out) {
    long start = System.nanoTime();
    DataSample sample = MnistData.load(CertifyRun.withResolvedDir(config.data()), hadoop);
    return new AttackRun(config, sample, out).execute(options, master, hadoop, start);
  }

  private int execute(Options options, String master, Configuration hadoop, long start) {
    Examples train = sample.train();
    Examples test = sample.test();
    RunDirectory root = RunDirectory.create(config.job().out(), hadoop);
    String cleanLocation = options.cleanLocation() != null ? options.cleanLocation() : root.location() + "/clean";
    RunDirectory clean = bind(RunDirectory.create(cleanLocation, hadoop), train, test, Map.of());

    MlpLearner learner = new MlpLearner(config.learner());
    UndefendedModel undefended = new UndefendedModel(learner, config.seed());
    MlpClassifier cleanMlp = undefended.train(train);
    List<Attack> attacks = new AttackPlan(train, test, options.target(),
        MlpMargins.of(cleanMlp, train.featureDomain())).attacks(options.budgets());
    List<RunDirectory> attackDirs = new ArrayList<>();
    for (Attack a : attacks) {
      attackDirs.add(bind(RunDirectory.create(root.location() + "/" + a.name(), hadoop), a.train(), a.test(),
          Map.of("attack", a.name())));
    }
    out.printf("smoothcert attack -> %s: %d attacks on target class %d (digit %d), budgets %s; clean run in %s%n",
        root.location(), attacks.size(), options.target(), config.data().digits().get(options.target()),
        options.budgets(), clean.location());
    Reports.printCeiling(config, out);

    SparkSession spark = SparkSessions.start(master, "smoothcert attack " + root.location());
    List<AttackResult> results = new ArrayList<>();
    CertificationResult cleanResult;
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      out.println("clean run:");
      cleanResult = smoothed(jsc, clean, train, test, learner, "clean", out);
      printBaseline(cleanMlp, cleanResult, options.target());
      for (int k = 0; k < attacks.size(); k++) {
        Attack a = attacks.get(k);
        CertificationResult attacked = smoothed(jsc, attackDirs.get(k), a.train(), a.test(), learner, a.name(),
            new PrintStream(OutputStream.nullOutputStream()));
        AttackResult result = AttackResult.evaluate(a, points.trueLabels(), cleanResult.certificates(),
            attacked.certificates(), undefended.predictionsUnder(a));
        results.add(result);
        out.println(AttackTable.line(result));
      }
    } finally {
      spark.stop();
    }
    writeReports(root, options, cleanResult.certificates(), results);
    long violations = results.stream().mapToLong(r -> r.violations().size()).sum();
    out.print(AttackTable.render(results));
    out.printf("certificate violations: %d%s%n", violations, violations == 0 ? "" : " (listed in violations.csv)");
    out.printf("wrote attack.csv, violations.csv, attack.png/.svg to %s (%.1f s)%n", root.location(),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** How often victims are predicted as the target without any attack: what each attack's success adds to. */
  private void printBaseline(MlpClassifier cleanMlp, CertificationResult clean, int target) {
    int[] undefended = new int[sample.test().count()];
    cleanMlp.predict(sample.test().features(), undefended.length, undefended);
    int[] smoothed = new int[undefended.length];
    for (int i = 0; i < smoothed.length; i++) {
      smoothed[i] = clean.certificates()[i].label();
    }
    out.printf("without attack, victims predicted as the target: undefended %.1f%%, smoothed %.1f%%%n",
        100 * AttackResult.targetShare(undefended, points.trueLabels(), target),
        100 * AttackResult.targetShare(smoothed, points.trueLabels(), target));
  }

  /** Binds a run directory to the votes of these data (refusing one of another config) before Spark starts. */
  private RunDirectory bind(RunDirectory dir, Examples train, Examples test, Map<String, String> extra) {
    Map<String, String> identity = new LinkedHashMap<>(config.votesIdentity(CertifyRun.sha256(train, test)));
    identity.putAll(extra);
    dir.claim(identity);
    if (!dir.exists(Reports.CONFIG_FILE)) {
      dir.writeText(Reports.CONFIG_FILE, config.render());
      dir.writeText(Reports.TEST_POINTS_FILE, points.toCsv());
    }
    return dir;
  }

  /** The smoothed classifier on (train, test) with the run's seed: trained on Spark, certified, reported. */
  private CertificationResult smoothed(JavaSparkContext jsc, RunDirectory dir, Examples train, Examples test,
      MlpLearner learner, String name, PrintStream report) {
    long start = System.nanoTime();
    CertifyJob.Outcome outcome = CertifyJob.run(jsc, dir, train, test, learner, config.seed(),
        config.smoothing().beta(), config.smoothing().classifiers(), config.job().slices(),
        config.certify().selectionClassifiers());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("directory", dir.location());
    run.put("attack", name);
    run.put("master", jsc.master());
    run.put("spark_version", jsc.version());
    run.put("classifiers_trained", outcome.trainedClassifiers());
    run.put("classifiers_reused", outcome.reusedClassifiers());
    RunVotes votes = RunVotes.of(outcome.slices(), test.count(), test.classes(),
        config.certify().selectionClassifiers());
    return Reports.certifyAndWrite(dir, config, votes, points, CertifyRun.provenance(sample), run, start, report);
  }

  private void writeReports(RunDirectory root, Options options, Certificate[] clean, List<AttackResult> results) {
    root.writeText("attack.csv", AttackCsv.attacks(results));
    root.writeText("violations.csv", AttackCsv.violations(results, points.sourceIndices()));
    double[] certifiedShare = new double[options.budgets().size()];
    for (int k = 0; k < certifiedShare.length; k++) {
      certifiedShare[k] = AttackResult.certifiedVictimShare(clean, points.trueLabels(), options.target(),
          options.budgets().get(k));
    }
    AttackPlot plot = new AttackPlot(String.format("beta=%s, N=%,d, %d training and %d test images, target digit %d",
        config.smoothing().beta(), config.smoothing().classifiers(), sample.train().count(), sample.test().count(),
        config.data().digits().get(options.target())), results, options.budgets(), certifiedShare);
    root.writeBytes("attack.png", plot.png());
    root.writeText("attack.svg", plot.svg());
  }
}
