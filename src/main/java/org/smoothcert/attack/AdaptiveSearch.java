package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.smoothcert.certify.Certificate;
import org.smoothcert.data.Examples;
import org.smoothcert.model.learner.MlpLearner;

/**
 * The adaptive attack's search, on the driver against the attacker's {@link Surrogate}s of N'
 * networks, before any full-N run: which points it aims at, which training labels it changes and which
 * test pixels. Its output is a few training sets ({@link Level}s), each with the attacked copies of the
 * test points (rows) that the full-N runs then vote on.
 *
 * <ul>
 *   <li>Level 0 (the clean training set): every test point gets its own {@link PixelSearch} path of
 *       {@code allPointsBudget} pixels, and each target one of up to its largest budget.
 *   <li>For each class c of the targets, a ladder of training sets with 1, 2, ..., {@code flips} changed
 *       labels: each step changes the one label that, by the previous step's surrogate, lowers the
 *       class-c targets' top-class share most in sum; then a surrogate is trained on the new set and
 *       every class-c target gets its pixel path on it, up to its largest budget minus the flips, and
 *       every other point predicted c one up to {@code ladderPointsBudget} minus the flips (labels and
 *       pixels together at the budgets where points are certified).
 * </ul>
 *
 * A training set is one full-N run however many rows it holds, so the ladder is shared by the targets
 * of a class (one run per step) while each target keeps its own pixels and its own split of the budget
 * between labels and pixels.
 */
public final class AdaptiveSearch {
  private static final Logger LOG = LogManager.getLogger(AdaptiveSearch.class);

  /**
   * @param flips label changes in each class's ladder
   * @param surrogates the attacker's surrogates
   * @param budgets how far the attack on every point and on a ladder's points goes
   */
  record Settings(int flips, Surrogates surrogates, Budgets budgets) {
    int screen() {
      return surrogates.screen();
    }

    long attackerSeed() {
      return surrogates.attackerSeed();
    }

    int allPointsBudget() {
      return budgets.allPoints();
    }

    int ladderPointsBudget() {
      return budgets.ladderPoints();
    }
  }

  /**
   * @param screen N': networks in each surrogate
   * @param attackerSeed the seed of the surrogates' noise (not the run's)
   */
  record Surrogates(int screen, long attackerSeed) {}

  /**
   * @param allPoints pixels of the attack on every test point
   * @param ladderPoints the budget up to which every point predicted as a ladder's class gets changed labels
   *     plus pixels (the largest certified radius)
   */
  record Budgets(int allPoints, int ladderPoints) {}

  /**
   * A certified point aimed at, and the largest budget tried on it (its certified radius + beyond).
   *
   * @param clean the point's clean certificate: its class, radius and votes
   */
  public record Target(int point, Clean clean, int largestBudget) {
    /** A clean certificate's class, radius and votes for the class. */
    public record Clean(int label, int radius, long votes) {}

    public int cleanClass() {
      return clean.label();
    }

    public int radius() {
      return clean.radius();
    }

    public long votes() {
      return clean.votes();
    }
  }

  /**
   * An attacked copy of a test point.
   *
   * @param pixels test pixels the search changed (the cost counts what differs)
   * @param screenedShare the surrogate's share of votes for the clean class on it (NaN: not screened)
   */
  record Row(int point, int pixels, byte[] image, double screenedShare) {}

  /**
   * One training set and the rows voted on with it.
   *
   * @param step its step of a ladder of label changes
   * @param voted its training set and the rows voted on with it
   * @param timing what its surrogate and searches cost
   */
  record Level(String name, Step step, Voted voted, Timing timing) {
    /**
     * @param flipClass the class whose targets its label changes aim at, -1 for the clean set
     * @param flips the training labels it changes
     */
    record Step(int flipClass, int flips) {}

    record Voted(Examples train, List<Row> rows) {}

    /**
     * @param surrogateSeconds time to train its surrogate of N' networks
     * @param searchSeconds time of the pixel searches on it
     */
    record Timing(double surrogateSeconds, double searchSeconds) {}

    int flipClass() {
      return step.flipClass();
    }

    int flips() {
      return step.flips();
    }

    Examples train() {
      return voted.train();
    }

    List<Row> rows() {
      return voted.rows();
    }

    double surrogateSeconds() {
      return timing.surrogateSeconds();
    }

    double searchSeconds() {
      return timing.searchSeconds();
    }
  }

  private final Examples train;
  private final Examples test;
  private final MlpLearner learner;
  private final double beta;
  private final Settings settings;
  private final IntFunction<String> className;

  AdaptiveSearch(Examples train, Examples test, MlpLearner learner, double beta, Settings settings,
      IntFunction<String> className) {
    this.train = train;
    this.test = test;
    this.learner = learner;
    this.beta = beta;
    this.settings = settings;
    this.className = className;
  }

  /**
   * The certified points nearest their thresholds: at each certified radius, the {@code perRadius} with
   * the fewest votes for their class (ties: the lower index).
   */
  static List<Target> targets(Certificate[] clean, int perRadius, int beyond) {
    int maxRadius = Arrays.stream(clean).filter(c -> !c.abstained()).mapToInt(Certificate::radius).max().orElse(-1);
    List<Target> targets = new ArrayList<>();
    for (int r = 0; r <= maxRadius; r++) {
      int radius = r;
      IntStream.range(0, clean.length).boxed()
          .filter(i -> !clean[i].abstained() && clean[i].radius() == radius)
          .sorted(Comparator.<Integer>comparingLong(i -> clean[i].topVotes()).thenComparingInt(i -> i))
          .limit(perRadius)
          .forEach(i -> targets.add(new Target(i,
              new Target.Clean(clean[i].label(), radius, clean[i].topVotes()), radius + beyond)));
    }
    targets.sort(Comparator.comparingInt(Target::point));
    return targets;
  }

  /** The clean level (every point's pixels) and, for each class of the targets, its ladder of label changes. */
  List<Level> levels(Certificate[] clean, List<Target> targets) {
    List<Level> levels = new ArrayList<>();
    long t0 = System.nanoTime();
    Surrogate surrogate = Surrogate.train(train, learner, settings.attackerSeed(), beta, settings.screen());
    long t1 = System.nanoTime();
    int[] steps = new int[test.count()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = Math.max(settings.allPointsBudget(), budgetOf(targets, i));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < test.count(); i++) {
      addPath(rows, surrogate, i, clean[i].topClass(), steps[i]);
    }
    levels.add(new Level("pixels", new Level.Step(-1, 0), new Level.Voted(train, rows),
        new Level.Timing(seconds(t1 - t0), seconds(System.nanoTime() - t1))));
    LOG.info("adaptive attack: level 0 searched ({} rows)", rows.size());
    for (int c = 0; c < test.classes(); c++) {
      int cls = c;
      List<Target> ofClass = targets.stream().filter(t -> t.cleanClass() == cls).toList();
      if (!ofClass.isEmpty()) {
        levels.addAll(ladder(cls, ofClass, surrogate, clean));
      }
    }
    return levels;
  }

  private List<Level> ladder(int cls, List<Target> targets, Surrogate cleanSurrogate, Certificate[] clean) {
    List<Level> ladder = new ArrayList<>();
    Examples poisoned = train;
    Surrogate surrogate = cleanSurrogate;
    for (int flips = 1; flips <= settings.flips(); flips++) {
      int[] change = bestLabelChange(poisoned, surrogate, targets, cls);
      if (change == null) {
        break;
      }
      poisoned = Poisoning.relabelled(poisoned, new int[] {change[0]}, change[1]);
      long t0 = System.nanoTime();
      surrogate = Surrogate.train(poisoned, learner, settings.attackerSeed(), beta, settings.screen());
      long t1 = System.nanoTime();
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < test.count(); i++) {
        boolean predictedCls = !clean[i].abstained() && clean[i].label() == cls;
        int steps = Math.max(budgetOf(targets, i), predictedCls ? settings.ladderPointsBudget() : 0) - flips;
        if (steps >= 1) {
          addPath(rows, surrogate, i, cls, steps);
        } else {
          rows.add(new Row(i, 0, image(i), Double.NaN));
        }
      }
      ladder.add(new Level("flips-" + className.apply(cls) + "-" + flips, new Level.Step(cls, flips),
          new Level.Voted(poisoned, rows), new Level.Timing(seconds(t1 - t0), seconds(System.nanoTime() - t1))));
      LOG.info("adaptive attack: ladder against class {}: training label {} set to {} ({} rows)",
          className.apply(cls), change[0], className.apply(change[1]), rows.size());
    }
    return ladder;
  }

  /**
   * The label change (row, new label) that lowers the targets' expected top-class share most in sum, by
   * {@link Surrogate#labelChanges}; null when none lowers it. A row already changed is left alone.
   */
  private int[] bestLabelChange(Examples poisoned, Surrogate surrogate, List<Target> targets, int cls) {
    double[][] sum = new double[poisoned.count()][poisoned.classes()];
    for (Target t : targets) {
      boolean[] votes = PixelSearch.votes(surrogate, image(t.point()), cls);
      double now = Surrogate.share(votes);
      double[][] after = surrogate.labelChanges(poisoned, votes);
      for (int k = 0; k < sum.length; k++) {
        for (int v = 0; v < sum[k].length; v++) {
          sum[k][v] += after[k][v] - now;
        }
      }
    }
    int[] best = null;
    double lowest = 0;
    for (int k = 0; k < sum.length; k++) {
      if (poisoned.label(k) != train.label(k)) {
        continue;
      }
      for (int v = 0; v < sum[k].length; v++) {
        if (v != poisoned.label(k) && sum[k][v] < lowest) {
          lowest = sum[k][v];
          best = new int[] {k, v};
        }
      }
    }
    return best;
  }

  /** The largest budget of the target at {@code point}, 0 when it is not one of them. */
  private static int budgetOf(List<Target> targets, int point) {
    return targets.stream().filter(t -> t.point() == point).mapToInt(Target::largestBudget).findFirst().orElse(0);
  }

  /** The point's pixel path on the surrogate: its clean copy, then 1..steps pixels. */
  private void addPath(List<Row> rows, Surrogate surrogate, int point, int top, int steps) {
    PixelSearch.Path path = PixelSearch.attack(surrogate, image(point), top, steps);
    rows.add(new Row(point, 0, image(point), path.shares()[0]));
    for (int k = 1; k <= path.images().size(); k++) {
      rows.add(new Row(point, k, path.images().get(k - 1), path.shares()[k]));
    }
  }

  private byte[] image(int point) {
    return Arrays.copyOfRange(test.features(), point * test.dim(), (point + 1) * test.dim());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
