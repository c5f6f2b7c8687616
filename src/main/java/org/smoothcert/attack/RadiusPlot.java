package org.smoothcert.attack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smoothcert.report.ChartImages;

/**
 * Certified against empirical radius, one mark per target (left; a mark on or below the diagonal would
 * be a violation, a target no attack changed is drawn above its largest budget tried), beside the
 * distribution of the gap, empirical minus certified radius, per certified radius (right).
 */
final class RadiusPlot {
  private static final Color[] RADIUS_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd)};
  static final String UNCHANGED = "unchanged";

  private final String subtitle;
  private final List<AdaptiveSummary.Radius> radii;

  RadiusPlot(String subtitle, List<AdaptiveSummary.Radius> radii) {
    this.subtitle = subtitle;
    this.radii = radii;
  }

  byte[] png() {
    return ChartImages.pngSideBySide(scatter(), gaps());
  }

  String svg() {
    return ChartImages.svgSideBySide(scatter(), gaps());
  }

  private JFreeChart scatter() {
    XYSeries found = new XYSeries("prediction changed at this budget (empirical radius)", false, true);
    XYSeries unchanged = new XYSeries("unchanged up to the largest budget tried (drawn 1 above it)", false, true);
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> cells = new HashMap<>();
    int top = 1;
    int maxCertified = 0;
    for (AdaptiveSummary.Radius r : radii) {
      cells.merge(cell(r), 1, Integer::sum);
    }
    for (AdaptiveSummary.Radius r : radii) {
      int k = seen.merge(cell(r), 1, Integer::sum) - 1;
      int n = cells.get(cell(r));
      double x = r.target().radius() + (k - (n - 1) / 2.0) * Math.min(0.5 / n, 0.06);
      (r.found() ? found : unchanged).add(x, y(r));
      top = Math.max(top, (int) y(r));
      maxCertified = Math.max(maxCertified, r.target().radius());
    }
    XYSeries diagonal = new XYSeries("empirical = certified: a mark on or below it would be a violation", false, true);
    diagonal.add(-0.5, -0.5);
    diagonal.add(maxCertified + 0.5, maxCertified + 0.5);
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(found);
    data.addSeries(unchanged);
    data.addSeries(diagonal);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesLinesVisible(1, false);
    renderer.setSeriesShapesVisible(2, false);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setSeriesShape(1, triangle());
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    renderer.setSeriesPaint(1, new Color(0x7f7f7f));
    renderer.setSeriesPaint(2, new Color(0xd62728));
    renderer.setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    NumberAxis x = new NumberAxis("certified radius (clean run)");
    x.setRange(-0.5, maxCertified + 0.5);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("empirical radius: smallest L0 budget that changed the prediction");
    y.setRange(0, top + 1);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    return chart("Certified vs empirical radius per target", plot);
  }

  private JFreeChart gaps() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    TreeSet<Integer> gaps = new TreeSet<>();
    TreeSet<Integer> certified = new TreeSet<>();
    for (AdaptiveSummary.Radius r : radii) {
      certified.add(r.target().radius());
      if (r.found()) {
        gaps.add(r.empirical() - r.target().radius());
      }
    }
    for (int radius : certified) {
      for (int gap : gaps) {
        data.addValue(0, "certified r=" + radius, String.valueOf(gap));
      }
      data.addValue(0, "certified r=" + radius, UNCHANGED);
    }
    for (AdaptiveSummary.Radius r : radii) {
      String column = r.found() ? String.valueOf(r.empirical() - r.target().radius()) : UNCHANGED;
      String row = "certified r=" + r.target().radius();
      data.incrementValue(1, row, column);
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(null, "gap = empirical - certified radius",
        "targets", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    int k = 0;
    for (int radius : certified) {
      bars.setSeriesPaint(k++, RADIUS_COLORS[radius % RADIUS_COLORS.length]);
    }
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2.5f);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    chart.setTitle(new TextTitle("Gap between the radii", new Font("SansSerif", Font.BOLD, 16)));
    chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private JFreeChart chart(String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
    return chart;
  }

  /** Where a target's mark goes: its empirical radius, or 1 above its largest budget tried. */
  private static double y(AdaptiveSummary.Radius r) {
    return r.found() ? r.empirical() : r.largestBudgetTried() + 1;
  }

  private static String cell(AdaptiveSummary.Radius r) {
    return r.target().radius() + "/" + y(r);
  }

  private static Path2D triangle() {
    Path2D p = new Path2D.Double();
    p.moveTo(0, -5);
    p.lineTo(5, 4);
    p.lineTo(-5, 4);
    p.closePath();
    return p;
  }
}
