package org.smoothcert.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One sweep over a config key: each value's certified-accuracy curve and base accuracy, as one table
 * ({@code sweep.csv}, long format), one summary row per value ({@code sweep-summary.csv}: the
 * clean-accuracy vs radius trade-off) and one plot with a curve per value.
 */
public final class SweepReport {
  /** One value of the swept key and what its run gave. */
  public record Point(String value, double[] curve, double baseAccuracy, String directory) {
    double at(int r) {
      return r < curve.length ? curve[r] : 0.0;
    }
  }

  private final String key;
  private final List<Point> points = new ArrayList<>();

  public SweepReport(String key) {
    this.key = key;
  }

  public void add(Point p) {
    points.add(p);
  }

  private int maxRadius() {
    int max = 0;
    for (Point p : points) {
      max = Math.max(max, p.curve().length - 1);
    }
    return max;
  }

  public String table() {
    StringBuilder sb = new StringBuilder("key,value,radius,certified_accuracy\n");
    for (Point p : points) {
      for (int r = 0; r <= maxRadius(); r++) {
        sb.append(key).append(',').append(p.value()).append(',').append(r).append(',').append(p.at(r)).append('\n');
      }
    }
    return sb.toString();
  }

  public String summary() {
    StringBuilder sb = new StringBuilder("key,value,base_accuracy");
    for (int r = 0; r <= maxRadius(); r++) {
      sb.append(",certified_accuracy_r").append(r);
    }
    sb.append(",run\n");
    for (Point p : points) {
      sb.append(key).append(',').append(p.value()).append(',').append(p.baseAccuracy());
      for (int r = 0; r <= maxRadius(); r++) {
        sb.append(',').append(p.at(r));
      }
      sb.append(',').append(p.directory()).append('\n');
    }
    return sb.toString();
  }

  /** The console view: one row per value, certified accuracy by radius in percent. */
  public String console() {
    StringBuilder sb = new StringBuilder(String.format("%-24s %-9s", key, "base acc"));
    for (int r = 0; r <= maxRadius(); r++) {
      sb.append(String.format(" %-7s", "r=" + r));
    }
    sb.append('\n');
    for (Point p : points) {
      sb.append(String.format("%-24s %-9s", p.value(), String.format("%.1f%%", 100 * p.baseAccuracy())));
      for (int r = 0; r <= maxRadius(); r++) {
        sb.append(String.format(" %-7s", String.format("%.1f%%", 100 * p.at(r))));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public CurvePlot plot(String subtitle) {
    CurvePlot plot = new CurvePlot("Certified accuracy for each " + key, subtitle);
    for (Point p : points) {
      plot.addCurve(key + " = " + p.value(), p.curve());
    }
    return plot;
  }
}
