package org.smoothcert.experiments;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.report.ConsoleTable;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.SelectionReport;
import org.smoothcert.report.StudyReport;
import org.smoothcert.run.RunDirectory;

/**
 * {@code smoothcert study}: named variants of a config (each a list of {@code --set} overrides, read
 * from a HOCON file), each run for several data seeds into {@code OUT/VARIANT/seed-S}, then one table
 * with the mean and range over the seeds, and one plot. {@link #select} chooses a variant on validation
 * points first and then certifies only that one on test points ({@code OUT/validation/...},
 * {@code OUT/test/...}). Every run is an ordinary run directory, so a study that stops resumes where it
 * stopped, and one whose runs exist only re-certifies them. A {@link Sweep} is a study of one key.
 */
public final class Study {
  private static final Logger LOG = LogManager.getLogger(Study.class);
  private static final int RADII = 3;
  public static final int DEFAULT_RANK_RADIUS = 2;

  /** One variant: a directory-safe name and its overrides. */
  public record Variant(String name, List<String> sets) {}

  /** One run of a study: the variant (or the swept value) it belongs to, and its validated config. */
  public record Run(String name, RunConfig config) {
    public long seed() {
      return config.data().seed();
    }

    public String directory() {
      return config.job().out();
    }
  }

  /** A run and what certifying its votes gave. */
  public record Row(Run run, RunReport report) {}

  /**
   * How a study chooses among its variants without looking at a test point ({@link #select}).
   *
   * @param selectSeeds the data seeds whose validation points rank the variants
   * @param testSeeds the data seeds whose test points measure the chosen variant: none of the selection seeds
   * @param rankRadius the radius whose certified accuracy ranks the variants
   */
  public record Selection(List<Long> selectSeeds, List<Long> testSeeds, int rankRadius) {
    public Selection {
      requireSeeds("--select-seeds", selectSeeds);
      requireSeeds("--test-seeds", testSeeds);
      List<Long> shared = testSeeds.stream().filter(selectSeeds::contains).toList();
      if (!shared.isEmpty()) {
        throw new UserError("--test-seeds and --select-seeds share data seed(s) " + shared
            + ": the test runs must take no part in the choice");
      }
      if (rankRadius < 0) {
        throw new UserError("--rank-radius must be at least 0, got " + rankRadius);
      }
      selectSeeds = List.copyOf(selectSeeds);
      testSeeds = List.copyOf(testSeeds);
    }
  }

  /**
   * What a study did.
   *
   * @param output where the study's tables and plots went
   * @param rows every run, in the order they ran
   * @param report the table over the variants: on validation points when the study chose one
   * @param choice what was chosen, or why nothing may be
   */
  public record Result(Output output, List<Row> rows, StudyReport report, Choice choice) {
    public String location() {
      return output.location();
    }

    public List<String> written() {
      return output.written();
    }

    public Optional<SelectionReport> selection() {
      return choice.selection();
    }

    public Optional<String> warning() {
      return choice.warning();
    }
  }

  /**
   * @param location the folder of the study's tables and plots
   * @param written the files written into {@code location}
   */
  public record Output(String location, List<String> written) {}

  /**
   * @param selection what was chosen on validation points and how it did on test points; empty for a study
   *     that compared its variants on test points
   * @param warning what the study's results cannot claim, as written at the top of study.md
   */
  public record Choice(Optional<SelectionReport> selection, Optional<String> warning) {}

  /** Why a study on test points must not choose. */
  static final String TEST_POINTS_WARNING = "the variants were compared on test points: choosing one by these"
      + " results voids what its test results claim; choose on validation points (study --select-seeds"
      + " --test-seeds) to report a chosen variant";

  private Study() {}

  /** A variant name for a config file: its name without directory and extension ("default" for none). */
  public static String nameOf(String configFile) {
    if (configFile == null) {
      return "default";
    }
    String name = configFile.substring(configFile.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The variants of a study file: {@code variants = [{name = "...", set = ["key = value", ...]}, ...]}. */
  public static List<Variant> readVariants(String file, Configuration hadoop) {
    Config c = ConfigLoader.parseFile(file, hadoop);
    List<Variant> variants = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try {
      for (Config v : c.getConfigList("variants")) {
        String name = v.getString("name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
          throw new UserError(file + ": variant name '" + name + "' may hold only letters, digits, '.', '_', '-'");
        }
        if (!names.add(name)) {
          throw new UserError(file + ": variant '" + name + "' is named twice");
        }
        variants.add(new Variant(name, v.hasPath("set") ? v.getStringList("set") : List.of()));
      }
    } catch (ConfigException e) {
      throw new UserError(file + ": " + e.getMessage()
          + " (expected variants = [{name = \"...\", set = [\"key = value\", ...]}, ...])");
    }
    if (variants.isEmpty()) {
      throw new UserError(file + ": no variants");
    }
    return variants;
  }

  /** Compares the variants on test points: the old way, which can report but not choose; see {@link #select}. */
  public static Result execute(String file, List<String> sets, List<Variant> variants, List<Long> seeds, String out,
      String master, Configuration hadoop) {
    requireSeeds("--seeds", seeds);
    List<Run> runs = plan(file, sets, variants, seeds, List.of(), out, hadoop);
    try (RunDirectory root = RunDirectory.create(out, hadoop, runs.get(0).config().job().force())) {
      List<Row> rows = each(runs, certifying(master, hadoop));
      StudyReport report = report(rows, RADII - 1);
      boolean onTestPoints = runs.stream().anyMatch(r -> r.config().data().certified() == CertifiedPoints.TEST);
      Optional<String> warning =
          variants.size() > 1 && onTestPoints ? Optional.of(TEST_POINTS_WARNING) : Optional.empty();
      String subtitle = "N=" + runs.get(0).config().smoothing().classifiers() + ", data seeds " + seeds + ", "
          + settings(file, sets);
      List<String> written = write(root, "study", report, warning, "Certified accuracy by variant", subtitle);
      root.seal();
      return new Result(new Output(root.location(), written), rows, report, new Choice(Optional.empty(), warning));
    }
  }

  /**
   * Chooses a variant without looking at a test point: every variant certified on the validation points
   * of the selection seeds and ranked ({@link #rank}); then only the chosen variant certified on the test
   * points of the test seeds, held out from the choice. The test runs have no validation examples, so
   * they are the ordinary runs of their settings.
   */
  public static Result select(String file, List<String> sets, List<Variant> variants, Selection selection, String out,
      String master, Configuration hadoop) {
    List<Run> validationRuns = plan(file, sets, variants, selection.selectSeeds(),
        List.of(ConfigKeys.CERTIFY_ON + "=" + CertifiedPoints.VALIDATION.key()), out + "/validation", hadoop);
    // Every variant's test runs are checked too: a config fault shows before the first run, not after the choice.
    List<Run> testRuns = plan(file, sets, variants, selection.testSeeds(), List.of(ConfigKeys.CERTIFY_ON + "="
        + CertifiedPoints.TEST.key(), ConfigKeys.VALIDATION_SIZE + "=0"), out + "/test", hadoop);
    List<Integer> validationSizes =
        validationRuns.stream().map(r -> r.config().data().validationSize()).distinct().toList();
    if (validationSizes.size() > 1) {
      throw new UserError("the variants certify " + validationSizes + " validation points: rank them on the same"
          + " number (set " + ConfigKeys.VALIDATION_SIZE + " for the study, not per variant)");
    }
    try (RunDirectory root = RunDirectory.create(out, hadoop, validationRuns.get(0).config().job().force())) {
      return select(root, file, sets, selection, validationRuns, testRuns, validationSizes.get(0), master, hadoop);
    }
  }

  private static Result select(RunDirectory root, String file, List<String> sets, Selection selection,
      List<Run> validationRuns, List<Run> testRuns, int validationSize, String master, Configuration hadoop) {
    Function<Run, RunReport> certify = certifying(master, hadoop);
    List<Row> rows = new ArrayList<>(each(validationRuns, certify));
    StudyReport validation = report(rows, Math.max(RADII - 1, selection.rankRadius()));
    List<StudyReport.Variant> ranking = rank(validation.variants(), selection.rankRadius());
    String chosen = ranking.get(0).name();
    LOG.info("chosen on validation points: {}", chosen);
    List<Row> testRows = each(testRuns.stream().filter(r -> r.name().equals(chosen)).toList(), certify);
    rows.addAll(testRows);
    StudyReport test = report(testRows, RADII - 1);
    SelectionReport choice = new SelectionReport(
        new SelectionReport.Rule(rule(selection.rankRadius()), selection.rankRadius()),
        new SelectionReport.Points(selection.selectSeeds(), validationSize), ranking, new SelectionReport.Tested(
            new SelectionReport.Points(selection.testSeeds(), testRows.get(0).report().points()), test));
    String common = "N=" + validationRuns.get(0).config().smoothing().classifiers() + ", " + settings(file, sets);
    List<String> written = new ArrayList<>(write(root, "validation", validation, Optional.empty(),
        "Certified accuracy on validation points", "data seeds " + selection.selectSeeds() + ", " + common));
    written.addAll(write(root, "test", test, Optional.empty(), "Certified accuracy of " + chosen + " on test points",
        "data seeds " + selection.testSeeds() + ", " + common));
    root.writeText("selection.md", choice.markdown());
    written.add("selection.md");
    root.seal();
    return new Result(new Output(root.location(), written), rows, validation,
        new Choice(Optional.of(choice), Optional.empty()));
  }

  /**
   * The variants best first: by mean certified accuracy at {@code radius} over the seeds, ties broken by
   * the {@link #tieRadius}, then by base accuracy, then by their order.
   */
  static List<StudyReport.Variant> rank(List<StudyReport.Variant> variants, int radius) {
    int tie = tieRadius(radius);
    Comparator<StudyReport.Variant> rule =
        Comparator.comparingDouble((StudyReport.Variant v) -> v.meanAccuracyAt(radius))
            .thenComparingDouble(v -> v.meanAccuracyAt(tie)).thenComparingDouble(StudyReport.Variant::meanBaseAccuracy);
    return variants.stream().sorted(rule.reversed()).toList();
  }

  /** The radius that breaks ties at {@code radius}: 1, or 0 when ranking at radius 1 itself. */
  static int tieRadius(int radius) {
    return radius == 1 ? 0 : 1;
  }

  /** {@link #rank}'s rule as a sentence. */
  static String rule(int radius) {
    return "the highest mean certified accuracy at radius " + radius + " over those seeds; ties broken by radius "
        + tieRadius(radius) + ", then base accuracy, then the order of the variants.";
  }

  private static void requireSeeds(String option, List<Long> seeds) {
    if (seeds.isEmpty()) {
      throw new UserError(option + " needs at least one data seed, e.g. " + option + " 0,1");
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new UserError(option + " names a data seed twice: " + seeds);
    }
  }

  /**
   * Every variant for every seed into {@code out/VARIANT/seed-S}, each with its own overrides, then
   * {@code data.seed} and {@code extra}. Validates every run's config before the first (long) run starts.
   */
  private static List<Run> plan(String file, List<String> sets, List<Variant> variants, List<Long> seeds,
      List<String> extra, String out, Configuration hadoop) {
    List<Run> runs = new ArrayList<>();
    for (Variant v : variants) {
      for (long seed : seeds) {
        List<String> overrides = new ArrayList<>(v.sets());
        overrides.add("data.seed=" + seed);
        overrides.addAll(extra);
        try {
          runs.add(plan(v.name(), file, sets, overrides, out + "/" + v.name() + "/seed-" + seed, hadoop));
        } catch (UserError e) {
          throw new UserError("variant " + v.name() + ": " + e.getMessage());
        }
      }
    }
    return runs;
  }

  /** Each run trained (or resumed) and certified as {@code smoothcert run} would. */
  static Function<Run, RunReport> certifying(String master, Configuration hadoop) {
    return run -> CertifyRun.execute(run.config(), master, hadoop).report();
  }

  /**
   * The radii 0 to {@code maxRadius}; for a scheme whose radius counts poisoned training examples (in the
   * hundreds), 0, 1, 2, 5, 10, 20, 50, ... up to the largest any run reached or {@code maxRadius}.
   */
  private static StudyReport report(List<Row> rows, int maxRadius) {
    boolean flip = rows.isEmpty() || rows.get(0).run().config().smoothing().isFlip();
    int largest = rows.stream().mapToInt(r -> r.report().certification().curve().length - 1).max().orElse(0);
    StudyReport report = flip ? new StudyReport(maxRadius)
        : new StudyReport(ladder(Math.max(maxRadius, largest), maxRadius));
    for (Row row : rows) {
      report.add(studyRun(row));
    }
    return report;
  }

  /** 0, 1, 2, 5, 10, 20, 50, ... up to {@code last} (the console's ladder), with {@code also} among them. */
  static int[] ladder(int last, int also) {
    java.util.TreeSet<Integer> radii = new java.util.TreeSet<>(ConsoleTable.shownRadii(last));
    radii.add(also);
    return radii.stream().mapToInt(Integer::intValue).toArray();
  }

  /** PREFIX.csv, PREFIX-summary.csv, PREFIX.md (the warning first, if any) and the plot; returns their names. */
  private static List<String> write(RunDirectory root, String prefix, StudyReport report, Optional<String> warning,
      String title, String subtitle) {
    root.writeText(prefix + ".csv", report.table());
    root.writeText(prefix + "-summary.csv", report.summary());
    root.writeText(prefix + ".md", warning.map(w -> "> **Warning:** " + w + "\n\n").orElse("") + report.markdown());
    var plot = report.plot(title, subtitle);
    root.writeBytes(prefix + ".png", plot.png());
    root.writeText(prefix + ".svg", plot.svg());
    return List.of(prefix + ".csv", prefix + "-summary.csv", prefix + ".md", prefix + ".png/.svg");
  }

  /** A run named {@code name}: the config file, the study's overrides, then its own, into {@code dir}. */
  static Run plan(String name, String file, List<String> sets, List<String> overrides, String dir,
      Configuration hadoop) {
    List<String> all = new ArrayList<>(sets);
    all.addAll(overrides);
    all.add("job.out=" + ConfigLoader.quote(dir));
    return new Run(name, RunConfig.from(ConfigLoader.load(file, all, hadoop)));
  }

  /** The settings every run shares, for a plot's subtitle. */
  static String settings(String file, List<String> sets) {
    return (file == null ? "conf/default.conf" : file) + (sets.isEmpty() ? "" : " with " + String.join(", ", sets));
  }

  /** Runs and certifies every run in turn: the one loop of studies and sweeps. */
  static List<Row> each(List<Run> runs, Function<Run, RunReport> certify) {
    List<Row> rows = new ArrayList<>();
    for (Run run : runs) {
      LOG.info("run {} of {}: {} -> {}", rows.size() + 1, runs.size(), run.name(), run.directory());
      rows.add(new Row(run, certify.apply(run)));
    }
    return rows;
  }

  private static StudyReport.Run studyRun(Row row) {
    Run run = row.run();
    RunReport report = row.report();
    double[] share = new double[Math.max(RADII, report.certification().curve().length)];
    for (int r = 0; r < share.length; r++) {
      share[r] = report.certification().certifiedShareAt(r);
    }
    return new StudyReport.Run(new StudyReport.Named(run.name(), run.config().learner().describe(), run.seed()),
        new StudyReport.Curves(report.certification().curve(), share),
        new StudyReport.Figures(report.baseAccuracy(), report.msPerClassifier()), run.directory());
  }
}
