package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.experiments.attack.AttackResult;
import org.smoothcert.experiments.attack.AttackRun;
import org.smoothcert.experiments.attack.AttackTable;
import org.smoothcert.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert attack}: mounts BadNets, label-flip and test-pixel attacks within each L0 budget
 * and checks the clean run's certificates against the smoothed classifier's predictions under attack.
 */
@Command(name = "attack",
    description = "Attack the certificate: backdoor attacks (BadNets, label flips, test pixels) within L0 budgets,"
        + " undefended vs smoothed; checks the clean run's certificates against the predictions under attack.")
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

  @Mixin
  JobOptions job;

  @Option(names = "--out", paramLabel = "DIR",
      description = "the attack's directory (same as --set job.out=DIR): a local path or any Hadoop URI")
  String dir;

  @Override
  int run(PrintWriter out) {
    List<Integer> budgets = budgets(budgetLists);
    Configuration hadoop = new Configuration();
    RunConfig config = job.config(dir, hadoop);
    AttackRun.Options options = new AttackRun.Options(targetClass(target, config.data().digits()), budgets, clean);
    AttackRun attack = AttackRun.prepare(config, options, hadoop);
    out.printf("smoothcert attack -> %s: %d attacks on target class %d (digit %d), budgets %s; clean run in %s%n",
        attack.location(), attack.attackCount(), options.target(), config.data().digits().get(options.target()),
        options.budgets(), attack.cleanLocation());
    out.print(Reports.ceiling(config, config.featureDomain()));
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
    long violations = result.violations();
    out.printf("certificate violations: %d%s%n", violations, violations == 0 ? "" : " (listed in violations.csv)");
    out.printf("wrote attack.csv, violations.csv, attack.png/.svg to %s (%.1f s)%n", result.location(),
        result.seconds());
    return 0;
  }

  /** Budgets from any number of {@code --budget} options, each one or more comma-separated radii. */
  static List<Integer> budgets(List<String> values) {
    if (values.isEmpty()) {
      return DEFAULT_BUDGETS;
    }
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
          throw new UserError("--budget takes whole numbers >= 1 (e.g. --budget 1,2,5), got '" + value + "'");
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
