package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.certify.Certificate;
import org.smoothcert.certify.Certifier;
import org.smoothcert.config.Certifiers;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.report.RunReport;
import org.smoothcert.run.CertificateHistory;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.smoothing.Scheme;
import org.smoothcert.spark.Engine;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.VoteCounts;

/**
 * {@code smoothcert attack --badnets}: BadNets of R poisoned examples against a poisoned-example scheme
 * (bagging, partition, bagflip). The clean run gives every test point its certified R; then, for each R
 * of the ladder, the scheme is trained again with the run's seed (classifier j's bag, parts and flips are
 * the clean run's, from (seed, j)) on the poisoned training set and votes on the triggered and the clean
 * test images ({@link BadNetsPlan}), and one classifier of the same learner is trained on the whole
 * poisoned set without defence. Each run is a run directory under the output ({@code clean/},
 * {@code badnets-s4-r10/}, ...: checkpointed, resumable); the comparison goes to {@code badnets.csv},
 * {@code empirical-radius.csv}, {@code violations.csv} and {@code badnets.png/.svg}.
 */
public final class BadNetsRun {
  private static final Logger LOG = LogManager.getLogger(BadNetsRun.class);

  /**
   * @param target the class index the attack aims at
   * @param triggerSize s, the trigger's pixels
   * @param ladder the R to attack with; empty: 1, 2, 5, 10, 20, ... up to 3 times the largest certified R
   * @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean}
   */
  public record Options(int target, int triggerSize, List<Integer> ladder, String cleanLocation) {}

  /**
   * @param baseline the clean run and what the trigger alone does
   * @param findings per R and per test point
   */
  public record Result(String location, Baseline baseline, Findings findings, double seconds) {
    public RunReport clean() {
      return baseline.clean();
    }

    public int largestCertified() {
      return baseline.largestCertified();
    }

    public double undefendedBaseline() {
      return baseline.undefended();
    }

    public double smoothedBaseline() {
      return baseline.smoothed();
    }

    public List<BadNetsLevel> levels() {
      return findings.levels();
    }

    public List<BadNetsPoint> points() {
      return findings.points();
    }

    public long violations() {
      return levels().stream().mapToLong(l -> l.violations().size()).sum();
    }
  }

  /**
   * @param clean the clean run
   * @param largestCertified the largest certified R among the test points (-1: none)
   * @param undefended share of victims the undefended learner trained on the clean set predicts as the target
   *     on their triggered images (the trigger alone)
   * @param smoothed share of victims the clean smoothed classifier predicts as the target
   */
  public record Baseline(RunReport clean, int largestCertified, double undefended, double smoothed) {}

  /**
   * @param levels per R
   * @param points per test point: its certified and empirical R
   */
  public record Findings(List<BadNetsLevel> levels, List<BadNetsPoint> points) {}

  /**
   * One test point across the ladder.
   *
   * @param clean the clean run's prediction and certified R there
   * @param empirical the smallest R of the ladder that changed its prediction
   */
  public record BadNetsPoint(int point, int trueLabel, Clean clean, Empirical empirical) {
    /**
     * @param label the clean run's prediction
     * @param certifiedRadius the clean run's certified R (-1: abstained)
     */
    public record Clean(int label, int certifiedRadius) {}

    /**
     * @param threat the smallest R of the ladder whose attack changed its prediction on the threat half (0:
     *     none did)
     * @param triggered the same on its triggered image (for bagflip the same as the threat half)
     */
    public record Empirical(int threat, int triggered) {}

    public int cleanLabel() {
      return clean.label();
    }

    public int certifiedRadius() {
      return clean.certifiedRadius();
    }

    public int empiricalThreat() {
      return empirical.threat();
    }

    public int empiricalTriggered() {
      return empirical.triggered();
    }
  }

  private final RunConfig config;
  private final Options options;
  private final AttackSetting setting;
  private final BadNetsPlan plan;
  private final UndefendedModel undefended;
  private final int threatOffset;
  private final long start;
  private final Map<Integer, RunDirectory> dirs = new LinkedHashMap<>();

  private BadNetsRun(RunConfig config, Options options, Configuration hadoop) {
    this.start = System.nanoTime();
    this.config = config;
    this.options = options;
    Scheme scheme = config.smoothing().scheme();
    if (scheme == Scheme.FLIP) {
      throw new UserError("--badnets attacks the poisoned-example certificates (smoothing.scheme = bagging, partition"
          + " or bagflip); the flip noise's BadNets is the default harness's (smoothcert attack without --badnets)");
    }
    if (scheme == Scheme.BAGFLIP && config.smoothing().triggerSize() != options.triggerSize()) {
      throw new UserError("--trigger-size " + options.triggerSize() + " is not the certificate's "
          + ConfigKeys.TRIGGER_SIZE + " = " + config.smoothing().triggerSize() + ": bagflip certifies a trigger of "
          + ConfigKeys.TRIGGER_SIZE + " features; set both alike");
    }
    if (config.certify().selectionClassifiers() != 0) {
      throw new UserError("--badnets reads each run's prediction from its votes: it does not take"
          + " certify.selection-classifiers (the two-sample protocol)");
    }
    if (options.triggerSize() < 1) {
      throw new UserError("--trigger-size must be at least 1, got " + options.triggerSize());
    }
    this.setting = new AttackSetting(config, options.cleanLocation(), hadoop);
    this.plan = new BadNetsPlan(setting.train(), setting.test(), options.target(), options.triggerSize());
    this.threatOffset = BadNetsPlan.threatRows(scheme, setting.test().count());
    this.undefended = new UndefendedModel(setting.learner, config.seed());
    for (int r : options.ladder()) {
      if (r > plan.candidates()) {
        throw new UserError("--poison " + r + ": only " + plan.candidates()
            + " training images are not of the target class");
      }
      dirs.put(r, directory(r));
    }
  }

  public static BadNetsRun prepare(RunConfig config, Options options, Configuration hadoop) {
    return new BadNetsRun(config, options, hadoop);
  }

  public String location() {
    return setting.root.location();
  }

  public String cleanLocation() {
    return setting.clean.location();
  }

  /** n, the clean training set's size (data.train-size may say all). */
  public int trainingExamples() {
    return setting.train().count();
  }

  public Trigger trigger() {
    return plan.trigger();
  }

  /** Which rows each poisoned run's violation check looks at, in words. */
  public String threat() {
    return threatOffset == 0
        ? "R poisoned examples with <= s changed features and any label, plus <= s changed test features:"
            + " the triggered test images"
        : "R poisoned examples of any content, test input unchanged: the clean test images"
            + " (the triggered ones only measure the attack's success)";
  }

  private RunDirectory directory(int r) {
    return setting.attackDirectory("badnets-s" + options.triggerSize() + "-r" + r, plan.poisoned(r), plan.rows());
  }

  public Result execute(String master) {
    try (AttackSetting taken = setting) {
      taken.begin();
      return attack(master);
    }
  }

  private Result attack(String master) {
    Engine engine = Engine.start(master, "smoothcert attack --badnets " + location());
    Examples train = setting.train();
    Examples test = setting.test();
    int m = test.count();
    int[] trueLabels = setting.points.trueLabels();
    Examples triggeredTest = triggeredHalf();
    // The attacked runs' data already hold the trigger: their prediction is read without one.
    Certifier predictor = Certifiers.predictionCertifier(config, config.featureDomain(), train.count());
    List<BadNetsLevel> levels = new ArrayList<>();
    List<Certificate[]> attackedByLevel = new ArrayList<>();
    RunReport clean;
    Certificate[] cleanCerts;
    Certificate[] cleanPredicted;
    int largest;
    List<Integer> ladder;
    try {
      clean = setting.smoothed(engine, setting.clean, train, test, "clean");
      cleanCerts = clean.certification().certificates();
      VoteCounts cleanVotes = clean.certification().votes();
      cleanPredicted = new Certificate[m];
      for (int i = 0; i < m; i++) {
        cleanPredicted[i] = predictor.certify(cleanVotes, cleanVotes, i);
      }
      largest = Arrays.stream(cleanCerts).filter(c -> !c.abstained()).mapToInt(Certificate::radius).max().orElse(-1);
      ladder = options.ladder().isEmpty() ? defaultLadder(largest, plan.candidates()) : options.ladder();
      for (int r : ladder) {
        long t0 = System.nanoTime();
        LOG.info("badnets: R = {} poisoned examples (ladder {})", r, ladder);
        RunDirectory dir = dirs.computeIfAbsent(r, this::directory);
        Examples poisoned = plan.poisoned(r);
        RunVotes votes = setting.runVotes(setting.votes(engine, dir, poisoned, plan.rows()), plan.rows());
        // Their predictions are read through the same bounds, on 2m rows (triggered and clean) with alpha
        // split over m: a look that may fail with probability up to 2 alpha, recorded beside them as such.
        CertificateHistory.Look look = CertificateHistory.Look.of(config);
        dir.recordCertificate(new CertificateHistory.Look(look.classifiers(), 2 * look.alpha(),
            look.settings() + " (BadNets: 2m rows)"));
        dir.seal();
        Certificate[] attacked = predict(predictor, votes, 2 * m);
        int[] undefendedPredictions = predictions(undefended.train(poisoned), triggeredTest);
        levels.add(BadNetsLevel.evaluate(r, differingExamples(train, poisoned), plan.target(), trueLabels, cleanCerts,
            cleanPredicted, attacked, threatOffset, undefendedPredictions, (System.nanoTime() - t0) / 1e9));
        attackedByLevel.add(attacked);
      }
    } finally {
      engine.close();
    }
    double undefendedBaseline = targetShare(predictions(undefended.train(train), triggeredTest), trueLabels);
    int[] cleanLabels = Arrays.stream(cleanPredicted).mapToInt(Certificate::label).toArray();
    double smoothedBaseline = targetShare(cleanLabels, trueLabels);
    List<BadNetsPoint> points = points(cleanCerts, cleanPredicted, trueLabels, ladder, attackedByLevel);
    Baseline baseline = new Baseline(clean, largest, undefendedBaseline, smoothedBaseline);
    Findings findings = new Findings(List.copyOf(levels), points);
    Result result = new Result(location(), baseline, findings, 0);
    writeReports(result, ladder);
    setting.root.seal();
    return new Result(location(), baseline, findings, (System.nanoTime() - start) / 1e9);
  }

  private static Certificate[] predict(Certifier predictor, RunVotes votes, int rows) {
    Certificate[] predictions = new Certificate[rows];
    for (int row = 0; row < rows; row++) {
      predictions[row] = predictor.certify(votes.selection(), votes.estimation(), row);
    }
    return predictions;
  }

  private List<BadNetsPoint> points(Certificate[] clean, Certificate[] cleanPredicted, int[] trueLabels,
      List<Integer> ladder, List<Certificate[]> attacked) {
    int m = clean.length;
    List<BadNetsPoint> points = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      int threat = 0;
      int triggered = 0;
      for (int k = ladder.size() - 1; k >= 0; k--) {
        Certificate[] a = attacked.get(k);
        if (a[threatOffset + i].label() != cleanPredicted[i].label()) {
          threat = ladder.get(k);
        }
        if (a[i].label() != cleanPredicted[i].label()) {
          triggered = ladder.get(k);
        }
      }
      points.add(new BadNetsPoint(i, trueLabels[i],
          new BadNetsPoint.Clean(cleanPredicted[i].label(), clean[i].abstained() ? -1 : clean[i].radius()),
          new BadNetsPoint.Empirical(threat, triggered)));
    }
    return List.copyOf(points);
  }

  /** 1, 2, 5, 10, 20, 50, ... up to the first value >= 3 times the largest certified R (at least 10). */
  static List<Integer> defaultLadder(int largestCertified, int candidates) {
    long until = Math.max(10, 3L * Math.max(largestCertified, 0));
    TreeSet<Integer> ladder = new TreeSet<>();
    for (long decade = 1; ; decade *= 10) {
      for (long step : new long[] {1, 2, 5}) {
        long r = step * decade;
        ladder.add((int) Math.min(r, candidates));
        if (r >= until || r >= candidates) {
          return List.copyOf(ladder);
        }
      }
    }
  }

  /** Training examples whose features or label differ between the two sets. */
  static int differingExamples(Examples a, Examples b) {
    int dim = a.dim();
    int n = 0;
    for (int k = 0; k < a.count(); k++) {
      boolean differs = a.label(k) != b.label(k)
          || !Arrays.equals(a.features(), k * dim, (k + 1) * dim, b.features(), k * dim, (k + 1) * dim);
      n += differs ? 1 : 0;
    }
    return n;
  }

  private Examples triggeredHalf() {
    Examples test = setting.test();
    byte[] features = Arrays.copyOf(plan.rows().features(), test.features().length);
    return new Examples(test.count(), test.domains(), test.classes(), features, test.labels());
  }

  private static int[] predictions(org.smoothcert.model.MlpClassifier model, Examples test) {
    int[] predictions = new int[test.count()];
    model.predict(test.features(), test.count(), predictions);
    return predictions;
  }

  private double targetShare(int[] predictions, int[] trueLabels) {
    return AttackResult.targetShare(predictions, trueLabels, plan.target());
  }

  private void writeReports(Result result, List<Integer> ladder) {
    int[] sources = setting.points.sourceIndices();
    setting.root.writeText("badnets.csv", BadNetsCsv.levels(result.levels(), options.triggerSize()));
    setting.root.writeText("empirical-radius.csv", BadNetsCsv.points(result.points(), sources));
    setting.root.writeText("violations.csv", BadNetsCsv.violations(result.levels(), sources));
    String subtitle = String.format("%s, N=%,d, %d training and %d test images, trigger %d px, target digit %d",
        config.smoothing().scheme().key() + (config.smoothing().bagSize() > 0 ? " k=" + config.smoothing().bagSize() : "")
            + (config.smoothing().scheme().flips() ? " beta=" + config.smoothing().beta() : ""),
        config.smoothing().classifiers(), setting.train().count(), setting.test().count(), options.triggerSize(),
        config.data().digits().get(plan.target()));
    BadNetsPlot plot = new BadNetsPlot(subtitle, result.levels(), threatOffset == 0);
    setting.root.writeBytes("badnets.png", plot.png());
    setting.root.writeText("badnets.svg", plot.svg());
  }
}
