package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.attack.AdaptiveRun;
import org.smoothcert.attack.AdaptiveSummary;
import org.smoothcert.attack.AdaptiveTable;
import org.smoothcert.attack.AttackResult;
import org.smoothcert.attack.AttackRun;
import org.smoothcert.attack.AttackTable;
import org.smoothcert.attack.BadNetsRun;
import org.smoothcert.attack.BadNetsTable;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Reports;
import org.smoothcert.smoothing.Scheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert attack}: mounts BadNets, label-flip and test-pixel attacks within each L0 budget
 * and checks the clean run's certificates against the smoothed classifier's predictions under attack;
 * with {@code --adaptive}, adaptive attacks aimed at the certified points nearest their thresholds,
 * which measure each one's empirical radius; with {@code --badnets}, BadNets of R poisoned examples
 * against the poisoned-example schemes ({@link BadNetsRun}).
 */
@Command(name = "attack",
    description = "Attack the certificate: backdoor attacks (BadNets, label flips, test pixels) within L0 budgets,"
        + " undefended vs smoothed; checks the clean run's certificates against the predictions under attack."
        + " With --adaptive: attacks searched against the attacker's own N' networks for each certified point"
        + " nearest its threshold, confirmed at full N; writes each point's empirical radius. With --badnets: BadNets"
        + " of R poisoned examples against bagging, partition or bagflip, each point's certified R beside the"
        + " smallest R that changed it.")
final class AttackCommand extends Subcommand {
  static final List<Integer> DEFAULT_BUDGETS = List.of(1, 2, 5, 10, 50);

  @Option(names = "--budget", paramLabel = "RADII",
      description = "the L0 budgets, whole numbers >= 1 separated by commas; repeatable (default: 1,2,5,10,50)")
  List<String> budgetLists = new ArrayList<>();

  @Option(names = "--target", paramLabel = "DIGIT",
      description = "the digit the attacks aim at, one of data.digits (default: the last)")
  String target;

  @Option(names = "--clean", paramLabel = "DIR",
      description = "run directory holding (or to hold) the clean votes, e.g. a finished run of the same config"
          + " (default: clean/ under --out)")
  String clean;

  @Option(names = "--adaptive",
      description = "adaptive attacks aimed at the certified points nearest their thresholds (instead of the backdoors)")
  boolean adaptive;

  @Option(names = "--targets", paramLabel = "K", defaultValue = "8",
      description = "with --adaptive: targets at each certified radius, those with the fewest votes (default: 8)")
  int targets;

  @Option(names = "--beyond", paramLabel = "B", defaultValue = "12",
      description = "with --adaptive: budgets tried above each target's certified radius (default: 12)")
  int beyond;

  @Option(names = "--flips", paramLabel = "L", defaultValue = "4",
      description = "with --adaptive: label changes in each class's ladder; one full-N run each (default: 4)")
  int flips;

  @Option(names = "--screen", paramLabel = "N'", defaultValue = "500",
      description = "with --adaptive: networks of the attacker's surrogate that score the candidates (default: 500)")
  int screen;

  @Option(names = "--attacker-seed", paramLabel = "SEED",
      description = "with --adaptive: seed of the surrogate's noise (default: the run's seed + 1)")
  Long attackerSeed;

  @Option(names = "--all-points", paramLabel = "PIXELS", defaultValue = "0",
      description = "with --adaptive: pixels of the attack on every test point (default: largest certified radius + 3)")
  int allPoints;

  @Option(names = "--badnets",
      description = "BadNets of R poisoned examples against a poisoned-example scheme (smoothing.scheme = bagging,"
          + " partition or bagflip): a trigger of --trigger-size pixels on R training images relabelled to the target"
          + " and on every test image; each point's certified R beside the smallest R that changed it")
  boolean badnets;

  @Option(names = "--trigger-size", paramLabel = "S",
      description = "with --badnets: the trigger's pixels, a corner square (default: certify.trigger-size for bagflip,"
          + " else 1)")
  Integer triggerSize;

  @Option(names = "--poison", paramLabel = "R",
      description = "with --badnets: the poisoned examples R, whole numbers >= 1 separated by commas; repeatable"
          + " (default: 1, 2, 5, 10, 20, ... up to 3 times the largest certified R)")
  List<String> poisonLists = new ArrayList<>();

  @Mixin
  JobOptions job;

  @Option(names = "--out", paramLabel = "DIR",
      description = "the attack's directory (same as --set job.out=DIR): a local path or any Hadoop URI")
  String dir;

  @Override
  int run(PrintWriter out) {
    if (adaptive && badnets) {
      throw new UserError("--adaptive and --badnets are two harnesses: choose one");
    }
    if (adaptive) {
      return runAdaptive(out);
    }
    if (badnets) {
      return runBadNets(out);
    }
    if (triggerSize != null || !poisonLists.isEmpty()) {
      throw new UserError("--trigger-size and --poison apply only with --badnets");
    }
    List<Integer> budgets = budgets(budgetLists);
    Configuration hadoop = new Configuration();
    RunConfig config = job.config(dir, hadoop);
    AttackRun.Options options = new AttackRun.Options(targetClass(target, config.data().digits()), budgets, clean);
    AttackRun attack = AttackRun.prepare(config, options, hadoop);
    out.printf("smoothcert attack -> %s: %d attacks on target class %d (digit %d), budgets %s; clean run in %s%n",
        attack.location(), attack.attackCount(), options.target(), config.data().digits().get(options.target()),
        options.budgets(), attack.cleanLocation());
    out.print(Reports.ceiling(config, config.featureDomain(), config.data().trainSize()));
    out.flush();
    Interruption.install(System.err, () -> "the finished slices are kept in " + attack.cleanLocation() + " and under "
        + attack.location());
    AttackRun.Result result = attack.execute(job.master);
    out.println("clean run:");
    RunPrinter.print(out, result.clean(), config.data().certified().key());
    out.printf("without attack, victims predicted as the target: undefended %.1f%%, smoothed %.1f%%%n",
        100 * result.undefendedBaseline(), 100 * result.smoothedBaseline());
    for (AttackResult r : result.attacks()) {
      out.println(AttackTable.line(r));
    }
    out.print(AttackTable.render(result.attacks()));
    out.println(violationsLine(result.violations(),
        result.attacks().stream().mapToLong(AttackResult::coveredPoints).sum()));
    out.printf("wrote attack.csv, violations.csv, attack.png/.svg to %s (%.1f s)%n", result.location(),
        result.seconds());
    return 0;
  }

  private int runAdaptive(PrintWriter out) {
    if (!budgetLists.isEmpty() || target != null) {
      throw new UserError("--budget and --target do not apply with --adaptive (each target's budgets run from 1 to"
          + " its certified radius + --beyond)");
    }
    requireAtLeast("--targets", targets, 1);
    requireAtLeast("--beyond", beyond, 1);
    requireAtLeast("--flips", flips, 0);
    requireAtLeast("--screen", screen, 2);
    requireAtLeast("--all-points", allPoints, 0);
    Configuration hadoop = new Configuration();
    RunConfig config = job.config(dir, hadoop);
    AdaptiveRun.Options options = new AdaptiveRun.Options(new AdaptiveRun.Targets(targets, beyond),
        new AdaptiveRun.Attacker(flips, screen, attackerSeed), allPoints, clean);
    AdaptiveRun attack = AdaptiveRun.prepare(config, options, hadoop);
    out.printf("smoothcert attack --adaptive -> %s: %d targets per certified radius, budgets up to radius + %d,"
        + " %d label changes per class, N' = %d; clean run in %s%n", attack.location(), targets, beyond, flips, screen,
        attack.cleanLocation());
    out.print(Reports.ceiling(config, config.featureDomain(), config.data().trainSize()));
    out.flush();
    Interruption.install(System.err, () -> "the finished slices are kept in " + attack.cleanLocation() + " and under "
        + attack.location());
    AdaptiveRun.Result result = attack.execute(job.master);
    out.println("clean run:");
    RunPrinter.print(out, result.clean(), config.data().certified().key());
    out.print(AdaptiveTable.attacks(result.families()));
    out.print(AdaptiveTable.gaps(result.radii()));
    out.print(AdaptiveTable.stages(result.stages()));
    out.println(violationsLine(result.violations(),
        result.families().stream().mapToLong(AdaptiveSummary.Family::covered).sum()));
    out.printf("wrote attack.csv, empirical-radius.csv, violations.csv, timings.csv, radius.png/.svg to %s (%.1f s)%n",
        result.location(), result.seconds());
    return 0;
  }

  /**
   * The verdict on the certificates: how many of the attacked points they cover changed prediction; an
   * attack that covered none checked nothing, which is said rather than "0 violations".
   *
   * @param covered attacked points (per attack) whose clean certificate's radius reaches the attack's cost
   */
  static String violationsLine(long violations, long covered) {
    if (covered == 0) {
      return "certificate violations: none could be found, the check was empty: no attacked point's certificate"
          + " covers its attack (each cost exceeds the point's certified radius); certify larger radii (e.g. a"
          + " larger N) or attack with smaller budgets to test the certificate";
    }
    return String.format("certificate violations: %d (of %d attacked points whose certificate covers the attack)%s",
        violations, covered, violations == 0 ? "" : "; listed in violations.csv");
  }

  private int runBadNets(PrintWriter out) {
    if (!budgetLists.isEmpty()) {
      throw new UserError("--budget does not apply with --badnets (the ladder of poisoned examples is --poison)");
    }
    Configuration hadoop = new Configuration();
    RunConfig config = job.config(dir, hadoop);
    int s = triggerSize != null ? triggerSize
        : config.smoothing().scheme() == Scheme.BAGFLIP ? config.smoothing().triggerSize() : 1;
    List<Integer> ladder = poisonLists.isEmpty() ? List.of() : budgets(poisonLists, "--poison");
    BadNetsRun.Options options = new BadNetsRun.Options(targetClass(target, config.data().digits()), s, ladder, clean);
    BadNetsRun attack = BadNetsRun.prepare(config, options, hadoop);
    out.printf("smoothcert attack --badnets -> %s: scheme %s, trigger %s, target class %d (digit %d), R %s;"
        + " clean run in %s%n", attack.location(), config.smoothing().scheme().key(), attack.trigger(),
        options.target(), config.data().digits().get(options.target()),
        ladder.isEmpty() ? "up to 3 times the largest certified R" : ladder, attack.cleanLocation());
    out.printf("violation check on: %s%n", attack.threat());
    out.print(Reports.ceiling(config, config.featureDomain(), attack.trainingExamples()));
    out.flush();
    Interruption.install(System.err, () -> "the finished slices are kept in " + attack.cleanLocation() + " and under "
        + attack.location());
    BadNetsRun.Result result = attack.execute(job.master);
    out.println("clean run:");
    RunPrinter.print(out, result.clean(), config.data().certified().key());
    out.printf("largest certified R: %d; without poisoning, victims predicted as the target: undefended (trigger on"
        + " the test image) %.1f%%, smoothed (clean test) %.1f%%%n", result.largestCertified(),
        100 * result.undefendedBaseline(), 100 * result.smoothedBaseline());
    out.print(BadNetsTable.render(result.levels()));
    out.println(violationsLine(result.violations(), result.levels().stream().mapToLong(l -> l.certified()).sum()));
    out.printf("wrote badnets.csv, empirical-radius.csv, violations.csv, badnets.png/.svg to %s (%.1f s)%n",
        result.location(), result.seconds());
    return 0;
  }

  private static void requireAtLeast(String option, int value, int least) {
    if (value < least) {
      throw new UserError(option + " must be at least " + least + ", got " + value);
    }
  }

  /** Budgets from any number of {@code --budget} options, each one or more comma-separated radii. */
  static List<Integer> budgets(List<String> values) {
    if (values.isEmpty()) {
      return DEFAULT_BUDGETS;
    }
    return budgets(values, "--budget");
  }

  /** Whole numbers >= 1 from any number of {@code option}'s values, each one or more comma-separated. */
  static List<Integer> budgets(List<String> values, String option) {
    TreeSet<Integer> budgets = new TreeSet<>();
    for (String value : values) {
      for (String word : value.split(",")) {
        try {
          int r = Integer.parseInt(word.trim());
          if (r < 1) {
            throw new NumberFormatException();
          }
          budgets.add(r);
        } catch (NumberFormatException e) {
          throw new UserError(option + " takes whole numbers >= 1 (e.g. " + option + " 1,2,5), got '" + value + "'");
        }
      }
    }
    return List.copyOf(budgets);
  }

  /** The class index of the target digit; by default the last of data.digits. */
  static int targetClass(String digit, List<Integer> digits) {
    if (digit == null) {
      return digits.size() - 1;
    }
    int index = digits.stream().map(String::valueOf).toList().indexOf(digit.trim());
    if (index >= 0) {
      return index;
    }
    throw new UserError("--target must be one of data.digits " + digits + ", got '" + digit + "'");
  }
}
