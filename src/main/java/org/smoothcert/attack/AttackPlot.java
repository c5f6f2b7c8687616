package org.smoothcert.attack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smoothcert.report.ChartImages;

/**
 * Attack success against the L0 budget: per attack kind, the undefended MLP (dashed) and the smoothed
 * classifier (solid), and the share of victims the clean run certified at radius >= the budget, which
 * no attack within the budget can fool (beyond the run's alpha).
 */
public final class AttackPlot {
  private static final Color[] KIND_COLORS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c)};
  private static final BasicStroke SOLID = new BasicStroke(2.2f);
  private static final BasicStroke DASHED =
      new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

  private final String subtitle;
  private final List<AttackResult> results;
  private final List<Integer> budgets;
  private final double[] certifiedShare;
  private String undefendedLearner = "MLP";

  /** @param certifiedShare per budget, the share of victims certified correct at radius >= it */
  public AttackPlot(String subtitle, List<AttackResult> results, List<Integer> budgets, double[] certifiedShare) {
    this.subtitle = subtitle;
    this.results = results;
    this.budgets = budgets;
    this.certifiedShare = certifiedShare;
  }

  /** What the undefended model is, for the legend: "MLP" unless said ("logistic regression" without hidden layer). */
  public AttackPlot undefendedLearner(String name) {
    this.undefendedLearner = name;
    return this;
  }

  public byte[] png() {
    return ChartImages.png(chart());
  }

  public String svg() {
    return ChartImages.svg(chart());
  }

  private JFreeChart chart() {
    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (AttackKind kind : AttackKind.values()) {
      XYSeries undefended = new XYSeries(kind.slug() + ": undefended " + undefendedLearner, true, false);
      XYSeries smoothed = new XYSeries(kind.slug() + ": smoothed", true, false);
      for (AttackResult r : results) {
        if (r.attack().kind() == kind) {
          int position = budgets.indexOf(r.attack().budget());
          undefended.add(position, r.undefendedSuccess());
          smoothed.add(position, r.smoothedSuccess());
        }
      }
      if (undefended.isEmpty()) {
        continue;
      }
      Color color = KIND_COLORS[kind.ordinal() % KIND_COLORS.length];
      style(renderer, lines.getSeriesCount(), color, DASHED);
      lines.addSeries(undefended);
      style(renderer, lines.getSeriesCount(), color, SOLID);
      lines.addSeries(smoothed);
    }
    XYSeries certified = new XYSeries("victims certified at radius >= budget (clean run)", true, false);
    for (int k = 0; k < budgets.size(); k++) {
      certified.add(k, certifiedShare[k]);
    }
    renderer.setSeriesShape(lines.getSeriesCount(), new Rectangle2D.Double(-5, -5, 10, 10));
    renderer.setSeriesPaint(lines.getSeriesCount(), Color.BLACK);
    renderer.setSeriesStroke(lines.getSeriesCount(), new BasicStroke(1.5f));
    lines.addSeries(certified);

    // The budgets, evenly spaced: they typically grow geometrically (1, 2, 5, 10, 50).
    SymbolAxis x = new SymbolAxis("L0 budget r: training pixels + training labels + test pixels changed",
        budgets.stream().map(String::valueOf).toArray(String[]::new));
    return successChart("Backdoor attacks against the smoothed classifier", subtitle, lines, x, renderer);
  }

  /**
   * An attack-success chart: the ladder of attack sizes evenly spaced on {@code x}, the share of victims
   * predicted as the target on y, white with light grid lines (this plot and BadNets').
   */
  static JFreeChart successChart(String title, String subtitle, XYSeriesCollection lines, SymbolAxis x,
      XYLineAndShapeRenderer renderer) {
    x.setGridBandsVisible(false);
    NumberAxis y = new NumberAxis("Share of victims predicted as the target (attack success)");
    y.setRange(0, 1.0);
    XYPlot plot = new XYPlot(lines, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
    return chart;
  }

  private static void style(XYLineAndShapeRenderer renderer, int series, Color color, BasicStroke stroke) {
    renderer.setSeriesPaint(series, color);
    renderer.setSeriesStroke(series, stroke);
    renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
  }
}
