package org.smoothcert.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A study: named variants of a config, each run for several data seeds. One row per run
 * ({@code study.csv}), one per variant with the mean and the range over the seeds
 * ({@code study-summary.csv}, {@code study.md}), and one plot of each variant's mean curve.
 */
public final class StudyReport {
  /** One run of one variant: its curve, the share of points reaching each radius, and its learner's figures. */
  public record Run(Named named, Curves curves, Figures figures, String directory) {
    public String variant() {
      return named.variant();
    }

    public String description() {
      return named.description();
    }

    public long seed() {
      return named.seed();
    }

    public double[] curve() {
      return curves.accuracy();
    }

    public double[] certifiedShare() {
      return curves.certifiedShare();
    }

    public double baseAccuracy() {
      return figures.baseAccuracy();
    }

    public double msPerClassifier() {
      return figures.msPerClassifier();
    }

    double accuracyAt(int r) {
      return r < curve().length ? curve()[r] : 0.0;
    }

    double shareAt(int r) {
      return r < certifiedShare().length ? certifiedShare()[r] : 0.0;
    }
  }

  /** A run's variant, the variant's description (its learner) and the run's data seed. */
  public record Named(String variant, String description, long seed) {}

  /** The certified accuracy at each radius and the share of points certified at each radius. */
  public record Curves(double[] accuracy, double[] certifiedShare) {}

  /** The learner's figures: one noised classifier's accuracy and the milliseconds per classifier. */
  public record Figures(double baseAccuracy, double msPerClassifier) {}

  /** One variant's runs, in the order they ran. */
  public record Variant(String name, String description, List<Run> runs) {
    /** Certified accuracy at radius {@code r}, the mean over the seeds. */
    public double meanAccuracyAt(int r) {
      return stat(runs, run -> run.accuracyAt(r), "mean");
    }

    public double meanBaseAccuracy() {
      return stat(runs, Run::baseAccuracy, "mean");
    }
  }

  /** The radii the tables show, ascending from 0. */
  private final int[] shown;
  private final List<Run> runs = new ArrayList<>();

  /** Reports radii 0 to {@code maxRadius}. */
  public StudyReport(int maxRadius) {
    this(java.util.stream.IntStream.rangeClosed(0, maxRadius).toArray());
  }

  /** Reports the radii {@code shown} (ascending from 0): e.g. 0, 1, 2, 5, 10, ... for radii in the hundreds. */
  public StudyReport(int[] shown) {
    if (shown.length == 0 || shown[0] != 0) {
      throw new IllegalArgumentException("the radii shown start at 0");
    }
    this.shown = shown.clone();
  }

  private int[] positive() {
    return java.util.Arrays.stream(shown).filter(r -> r > 0).toArray();
  }

  public void add(Run run) {
    runs.add(run);
  }

  private Map<String, List<Run>> byVariant() {
    Map<String, List<Run>> m = new LinkedHashMap<>();
    for (Run run : runs) {
      m.computeIfAbsent(run.variant(), k -> new ArrayList<>()).add(run);
    }
    return m;
  }

  /** The variants, in the order of their first run. */
  public List<Variant> variants() {
    return byVariant().entrySet().stream()
        .map(e -> new Variant(e.getKey(), e.getValue().get(0).description(), List.copyOf(e.getValue()))).toList();
  }

  public String table() {
    StringBuilder sb = new StringBuilder("variant,learner,seed");
    header(sb);
    sb.append(",run\n");
    for (Run run : runs) {
      sb.append(run.variant()).append(",\"").append(run.description()).append("\",").append(run.seed());
      for (int r : shown) {
        sb.append(',').append(run.accuracyAt(r));
      }
      for (int r : positive()) {
        sb.append(',').append(run.shareAt(r));
      }
      sb.append(',').append(run.baseAccuracy()).append(',').append(run.msPerClassifier()).append(',')
          .append(run.directory()).append('\n');
    }
    return sb.toString();
  }

  private void header(StringBuilder sb) {
    for (int r : shown) {
      sb.append(",certified_accuracy_r").append(r);
    }
    for (int r : positive()) {
      sb.append(",reaching_r").append(r);
    }
    sb.append(",base_accuracy,ms_per_classifier");
  }

  /** Mean, min and max over each variant's seeds. */
  public String summary() {
    StringBuilder sb = new StringBuilder("variant,learner,seeds,statistic");
    header(sb);
    sb.append('\n');
    for (Map.Entry<String, List<Run>> e : byVariant().entrySet()) {
      List<Run> rs = e.getValue();
      for (String stat : List.of("mean", "min", "max")) {
        sb.append(e.getKey()).append(",\"").append(rs.get(0).description()).append("\",").append(rs.size())
            .append(',').append(stat);
        for (int radius : shown) {
          sb.append(',').append(stat(rs, run -> run.accuracyAt(radius), stat));
        }
        for (int radius : positive()) {
          sb.append(',').append(stat(rs, run -> run.shareAt(radius), stat));
        }
        sb.append(',').append(stat(rs, Run::baseAccuracy, stat)).append(',')
            .append(stat(rs, Run::msPerClassifier, stat)).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The README's view: per variant, certified accuracy as mean (min-max over the seeds) in percent, the
   * share of points reaching each radius, base accuracy and time per classifier.
   */
  public String markdown() {
    StringBuilder sb = new StringBuilder("| variant | learner | seeds |");
    for (int r : shown) {
      sb.append(" r=").append(r).append(" |");
    }
    for (int r : positive()) {
      sb.append(" reach r=").append(r).append(" |");
    }
    sb.append(" base acc. | ms / classifier |\n|---|---|---|");
    sb.append("---:|".repeat(shown.length + positive().length + 1)).append('\n');
    for (Map.Entry<String, List<Run>> e : byVariant().entrySet()) {
      List<Run> rs = e.getValue();
      sb.append("| ").append(e.getKey()).append(" | ").append(rs.get(0).description()).append(" | ")
          .append(rs.size()).append(" |");
      for (int radius : shown) {
        sb.append(' ').append(percentRange(rs, run -> run.accuracyAt(radius))).append(" |");
      }
      for (int radius : positive()) {
        sb.append(' ').append(percentRange(rs, run -> run.shareAt(radius))).append(" |");
      }
      sb.append(' ').append(percentRange(rs, Run::baseAccuracy)).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", stat(rs, Run::msPerClassifier, "mean"))).append(" |\n");
    }
    return sb.toString();
  }

  /** One row per run (its variant and seed), and after each variant's runs a row of their means, in percent. */
  public String bySeed() {
    StringBuilder sb = new StringBuilder("| variant | seed |");
    for (int r : shown) {
      sb.append(" r=").append(r).append(" |");
    }
    sb.append(" base acc. | ms / classifier |\n|---|---|").append("---:|".repeat(shown.length + 2)).append('\n');
    for (Variant v : variants()) {
      for (Run run : v.runs()) {
        seedRow(sb, v.name(), Long.toString(run.seed()), List.of(run));
      }
      seedRow(sb, v.name(), "mean", v.runs());
    }
    return sb.toString();
  }

  private void seedRow(StringBuilder sb, String variant, String seed, List<Run> rs) {
    sb.append("| ").append(variant).append(" | ").append(seed).append(" |");
    for (int radius : shown) {
      sb.append(' ').append(percent(stat(rs, run -> run.accuracyAt(radius), "mean"))).append(" |");
    }
    sb.append(' ').append(percent(stat(rs, Run::baseAccuracy, "mean"))).append(" | ")
        .append(String.format(Locale.ROOT, "%.1f", stat(rs, Run::msPerClassifier, "mean"))).append(" |\n");
  }

  /** A share as a percentage with one decimal: 0.4 is "40.0". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f", 100 * share);
  }

  public String console() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %5s", "variant", "seeds"));
    for (int r : shown) {
      sb.append(String.format(Locale.ROOT, " %8s", "r=" + r));
    }
    sb.append(String.format(Locale.ROOT, " %9s %8s%n", "base acc", "ms/clf"));
    for (Map.Entry<String, List<Run>> e : byVariant().entrySet()) {
      List<Run> rs = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-28s %5d", e.getKey(), rs.size()));
      for (int radius : shown) {
        sb.append(String.format(Locale.ROOT, " %7.1f%%", 100 * stat(rs, run -> run.accuracyAt(radius), "mean")));
      }
      sb.append(String.format(Locale.ROOT, " %8.1f%% %8.1f%n", 100 * stat(rs, Run::baseAccuracy, "mean"),
          stat(rs, Run::msPerClassifier, "mean")));
    }
    return sb.toString();
  }

  /** Each variant's curve averaged over its seeds. */
  public CurvePlot plot(String title, String subtitle) {
    CurvePlot plot = new CurvePlot(title, subtitle);
    for (Map.Entry<String, List<Run>> e : byVariant().entrySet()) {
      List<Run> rs = e.getValue();
      double[] mean = new double[shown[shown.length - 1] + 1];
      for (int r = 0; r < mean.length; r++) {
        int radius = r;
        mean[r] = stat(rs, run -> run.accuracyAt(radius), "mean");
      }
      String seeds = rs.size() == 1 ? "" : ", mean of " + rs.size() + " seeds";
      plot.addCurve(e.getKey() + seeds, mean);
    }
    return plot;
  }

  private static String percentRange(List<Run> rs, ToDoubleFunction<Run> f) {
    String mean = percent(stat(rs, f, "mean"));
    if (rs.size() == 1) {
      return mean;
    }
    return String.format(Locale.ROOT, "%s (%.1f-%.1f)", mean, 100 * stat(rs, f, "min"), 100 * stat(rs, f, "max"));
  }

  static double stat(List<Run> rs, ToDoubleFunction<Run> f, String stat) {
    return switch (stat) {
      case "mean" -> rs.stream().mapToDouble(f).average().orElse(Double.NaN);
      case "min" -> rs.stream().mapToDouble(f).min().orElse(Double.NaN);
      case "max" -> rs.stream().mapToDouble(f).max().orElse(Double.NaN);
      default -> throw new IllegalArgumentException(stat);
    };
  }
}
