package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.certify.Certificate;
import org.smoothcert.certify.Certifier;
import org.smoothcert.config.Certifiers;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.report.RunReport;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.CollectedVotes;
import org.smoothcert.spark.Engine;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.VoteCounts;

/**
 * {@code smoothcert attack --adaptive}: adaptive attacks aimed at the certified points nearest their
 * thresholds. The clean run first (reused when finished); then the {@link AdaptiveSearch} on the
 * driver against the attacker's surrogates of N' networks; then one full-N run per training set it
 * chose (the clean one and each step of the label ladders), voting on every attacked copy of the test
 * points at once, with the run's seed so classifier j meets the clean run's training noise. Each copy
 * is certified as the clean run certifies its points; its cost is counted from what changed. Writes
 * attack.csv, empirical-radius.csv, violations.csv, timings.csv and radius.png/.svg.
 */
public final class AdaptiveRun {
  private static final Logger LOG = LogManager.getLogger(AdaptiveRun.class);

  /**
   * @param targets which points are aimed at and how far
   * @param attacker the attacker's ladders and surrogates
   * @param allPointsBudget pixels of the attack on every test point; 0 for the largest certified radius + 3
   * @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean}
   */
  public record Options(Targets targets, Attacker attacker, int allPointsBudget, String cleanLocation) {
    public int targetsPerRadius() {
      return targets.perRadius();
    }

    public int beyond() {
      return targets.beyond();
    }

    public int flips() {
      return attacker.flips();
    }

    public int screen() {
      return attacker.screen();
    }

    public Long attackerSeed() {
      return attacker.seed();
    }
  }

  /**
   * @param perRadius targets taken at each certified radius (the nearest their thresholds)
   * @param beyond budgets tried above each target's certified radius
   */
  public record Targets(int perRadius, int beyond) {}

  /**
   * @param flips label changes in each class's ladder
   * @param screen N', networks in each surrogate
   * @param seed seed of the surrogates' noise; null for the run's seed + 1
   */
  public record Attacker(int flips, int screen, Long seed) {}

  /** A stage and what it cost: the surrogates at N', the searches, the full-N runs. */
  public record Stage(String name, long classifiers, int rows, double seconds) {}

  /**
   * What the attacks did.
   *
   * @param findings what the attacks did to the smoothed classifier and its certificates
   * @param timing the stages and the whole attack's time
   */
  public record Result(String location, RunReport clean, Findings findings, Timing timing) {
    public List<AdaptiveSummary.Family> families() {
      return findings.families();
    }

    public List<AdaptiveSummary.Radius> radii() {
      return findings.radii();
    }

    public long violations() {
      return findings.violations();
    }

    public List<Stage> stages() {
      return timing.stages();
    }

    public double seconds() {
      return timing.seconds();
    }
  }

  /**
   * @param families one entry per attack and budget, as in attack.csv
   * @param radii each target's certified and empirical radius
   * @param violations attacked copies whose prediction changed within their certified radius
   */
  public record Findings(List<AdaptiveSummary.Family> families, List<AdaptiveSummary.Radius> radii,
      long violations) {}

  /** The stages and the seconds of the whole attack. */
  public record Timing(List<Stage> stages, double seconds) {}

  private final RunConfig config;
  private final Options options;
  private final AttackSetting setting;
  private final long start;

  private AdaptiveRun(RunConfig config, Options options, Configuration hadoop) {
    this.start = System.nanoTime();
    this.config = config;
    this.options = options;
    this.setting = new AttackSetting(config, options.cleanLocation(), hadoop);
  }

  /** Loads the data and checks the output and clean run directories. */
  public static AdaptiveRun prepare(RunConfig config, Options options, Configuration hadoop) {
    return new AdaptiveRun(config, options, hadoop);
  }

  public String location() {
    return setting.root.location();
  }

  public String cleanLocation() {
    return setting.clean.location();
  }

  /**
   * Takes the output folder and the clean run directory (refusing while another run holds one); the clean
   * run, the search, the full-N runs (each level's directory taken when it is known); then the reports. The
   * directories are released in any case.
   */
  public Result execute(String master) {
    try (AttackSetting taken = setting) {
      taken.begin();
      return attack(master);
    }
  }

  private Result attack(String master) {
    Engine engine = Engine.start(master, "smoothcert attack --adaptive " + location());
    List<Stage> stages = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      RunReport clean = setting.smoothed(engine, setting.clean, setting.train(), setting.test(), "clean");
      stages.add(new Stage("clean run", clean.classifiers(), setting.test().count(), seconds(t0)));
      Certificate[] certificates = clean.certification().certificates();
      List<AdaptiveSearch.Target> targets = AdaptiveSearch.targets(certificates, options.targetsPerRadius(),
          options.beyond());
      int allPoints = allPointsBudget(certificates);
      AdaptiveSearch.Settings settings = new AdaptiveSearch.Settings(options.flips(),
          new AdaptiveSearch.Surrogates(options.screen(), attackerSeed()),
          new AdaptiveSearch.Budgets(allPoints, Math.min(allPoints, largestRadius(certificates))));
      List<AdaptiveSearch.Level> levels = new AdaptiveSearch(setting.train(), setting.test(), setting.learner,
          config.smoothing().beta(), settings, className()).levels(certificates, targets);
      List<RowOutcome> outcomes = new ArrayList<>();
      UndefendedModel undefended = new UndefendedModel(setting.learner, config.seed());
      int[] undefendedClean = predictions(undefended, setting.train(), setting.test());
      for (AdaptiveSearch.Level level : levels) {
        stages.add(new Stage("surrogate " + level.name() + " (N')", options.screen(), 0, level.surrogateSeconds()));
        stages.add(new Stage("search " + level.name() + " (N')", options.screen(), level.rows().size(),
            level.searchSeconds()));
        long t1 = System.nanoTime();
        outcomes.addAll(confirm(engine, level, clean, undefended, undefendedClean));
        stages.add(new Stage("full run " + level.name(), config.smoothing().classifiers(), level.rows().size(),
            seconds(t1)));
      }
      return report(clean, levels, targets, allPoints, outcomes, stages);
    } finally {
      engine.close();
    }
  }

  /** The level's rows voted on by N classifiers trained on its training set, and certified. */
  private List<RowOutcome> confirm(Engine engine, AdaptiveSearch.Level level, RunReport clean,
      UndefendedModel undefended, int[] undefendedClean) {
    Examples rows = examples(level.rows(), true);
    LOG.info("adaptive attack: {} ({} flipped labels): {} attacked copies at N = {}", level.name(), level.flips(),
        rows.count(), config.smoothing().classifiers());
    RunDirectory dir = setting.attackDirectory("adaptive/" + level.name(), level.train(), rows);
    CollectedVotes collected = setting.votes(engine, dir, level.train(), rows);
    RunVotes votes = setting.runVotes(collected, rows);
    dir.seal();
    Certifier certifier = Certifiers.certifier(config, config.featureDomain(), setting.train().count());
    AttackCost cost = AttackCost.between(setting.train(), level.train(), examples(level.rows(), false), rows);
    int[] undefendedAttacked = predictions(undefended, level.train(), rows);
    VoteCounts cleanVotes = clean.certification().votes();
    List<RowOutcome> outcomes = new ArrayList<>();
    for (int r = 0; r < rows.count(); r++) {
      AdaptiveSearch.Row row = level.rows().get(r);
      int i = row.point();
      Certificate before = clean.certification().certificates()[i];
      RowOutcome.Votes topVotes = new RowOutcome.Votes(cleanVotes.count(i, before.topClass()),
          votes.estimation().count(r, before.topClass()), votes.estimation().classifiers());
      outcomes.add(new RowOutcome(new RowOutcome.Copy(level.name(), i, row.pixels(), row.screenedShare()),
          new RowOutcome.Changes(cost.trainingLabels(), cost.trainingPixels(), cost.testPixels()[r]),
          new RowOutcome.Smoothed(before, certifier.certify(votes.selection(), votes.estimation(), r), topVotes),
          new RowOutcome.Undefended(undefendedClean[i], undefendedAttacked[r])));
    }
    return outcomes;
  }

  private Result report(RunReport clean, List<AdaptiveSearch.Level> levels, List<AdaptiveSearch.Target> targets,
      int allPoints, List<RowOutcome> outcomes, List<Stage> stages) {
    List<AdaptiveSummary.Family> families = AdaptiveSummary.families(outcomes, levels, targets, allPoints,
        className());
    List<AdaptiveSummary.Radius> radii = AdaptiveSummary.radii(outcomes, targets);
    RunDirectory root = setting.root;
    root.writeText("attack.csv", AdaptiveCsv.attacks(families));
    root.writeText("empirical-radius.csv", AdaptiveCsv.radii(radii, setting.points.sourceIndices(),
        setting.points.trueLabels()));
    root.writeText("violations.csv", AdaptiveCsv.violations(outcomes, setting.points.sourceIndices()));
    StringBuilder timings = new StringBuilder("stage,classifiers,rows,seconds\n");
    for (Stage s : stages) {
      timings.append(s.name()).append(',').append(s.classifiers()).append(',').append(s.rows()).append(',')
          .append(AdaptiveCsv.number(s.seconds())).append('\n');
    }
    root.writeText("timings.csv", timings.toString());
    RadiusPlot plot = new RadiusPlot(String.format("beta=%s, N=%,d, N'=%d, %d targets", config.smoothing().beta(),
        config.smoothing().classifiers(), options.screen(), targets.size()), radii);
    root.writeBytes("radius.png", plot.png());
    root.writeText("radius.svg", plot.svg());
    root.seal();
    long violations = outcomes.stream().filter(RowOutcome::violation).count();
    return new Result(location(), clean, new Findings(families, radii, violations),
        new Timing(List.copyOf(stages), seconds(start)));
  }

  private int allPointsBudget(Certificate[] clean) {
    return options.allPointsBudget() > 0 ? options.allPointsBudget() : largestRadius(clean) + 3;
  }

  private static int largestRadius(Certificate[] clean) {
    return Arrays.stream(clean).filter(c -> !c.abstained()).mapToInt(Certificate::radius).max().orElse(0);
  }

  private long attackerSeed() {
    return options.attackerSeed() != null ? options.attackerSeed() : config.seed() + 1;
  }

  private IntFunction<String> className() {
    List<Integer> digits = config.data().digits();
    return c -> String.valueOf(digits.get(c));
  }

  /** The rows' attacked images, or (for counting their test pixels) their points' clean images. */
  private Examples examples(List<AdaptiveSearch.Row> rows, boolean attacked) {
    Examples test = setting.test();
    int dim = test.dim();
    byte[] features = new byte[rows.size() * dim];
    byte[] labels = new byte[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      int point = rows.get(r).point();
      if (attacked) {
        System.arraycopy(rows.get(r).image(), 0, features, r * dim, dim);
      } else {
        System.arraycopy(test.features(), point * dim, features, r * dim, dim);
      }
      labels[r] = (byte) test.label(point);
    }
    return new Examples(rows.size(), dim, test.domains().uniform(), test.classes(), features, labels);
  }

  private static int[] predictions(UndefendedModel undefended, Examples train, Examples test) {
    int[] predictions = new int[test.count()];
    undefended.train(train).predict(test.features(), test.count(), predictions);
    return predictions;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
