package org.smoothcert.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Certified accuracy against the number of perturbed pixels/labels, labelled like the paper's Figure 1:
 * one line per curve, optional reference points (e.g. the paper's 36% at r = 2) drawn as markers.
 */
public final class CurvePlot {
  private static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf), new Color(0x000000), new Color(0x393b79)};

  private final String title;
  private final String subtitle;
  private final XYSeriesCollection curves = new XYSeriesCollection();
  private final XYSeriesCollection references = new XYSeriesCollection();
  private String coordinates = "pixels";
  private String xLabel;

  public CurvePlot(String title, String subtitle) {
    this.title = title;
    this.subtitle = subtitle;
  }

  /** What the x axis counts besides labels: "pixels" (the default, images), "features" (a table). */
  public CurvePlot perturbing(String coordinates) {
    this.coordinates = coordinates;
    return this;
  }

  /** The x axis's label, in the certificate's unit (replaces the coordinates' label). */
  public CurvePlot xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  public CurvePlot addCurve(String name, double[] accuracy) {
    XYSeries s = new XYSeries(name, false, true);
    for (int r = 0; r < accuracy.length; r++) {
      s.add(r, accuracy[r]);
    }
    curves.addSeries(s);
    return this;
  }

  public CurvePlot addReference(String name, int radius, double accuracy) {
    XYSeries s = new XYSeries(name, false, true);
    s.add(radius, accuracy);
    references.addSeries(s);
    return this;
  }

  public byte[] png() {
    return ChartImages.png(chart());
  }

  public String svg() {
    return ChartImages.svg(chart());
  }

  private static double largestX(XYSeriesCollection series) {
    double max = 0;
    for (int i = 0; i < series.getSeriesCount(); i++) {
      XYSeries s = series.getSeries(i);
      if (s.getItemCount() > 0) {
        max = Math.max(max, s.getMaxX());
      }
    }
    return max;
  }

  JFreeChart chart() {
    NumberAxis x = new NumberAxis(xLabel != null ? xLabel
        : "Number of perturbed " + coordinates + "/labels (certified L0 radius r)");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // A fixed range over every curve and reference mark (setting only a lower bound would switch off
    // the axis's auto range and keep its default upper bound of 1, hiding radii 2 and up).
    x.setRange(-0.1, Math.max(1, Math.max(largestX(curves), largestX(references))) + 0.1);
    NumberAxis y = new NumberAxis("Certified accuracy");
    y.setRange(0, 1.0);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < curves.getSeriesCount(); i++) {
      lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      lines.setSeriesStroke(i, new BasicStroke(2.2f));
      lines.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYPlot plot = new XYPlot(curves, x, y, lines);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    if (references.getSeriesCount() > 0) {
      XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
      for (int i = 0; i < references.getSeriesCount(); i++) {
        marks.setSeriesPaint(i, Color.BLACK);
        marks.setSeriesShape(i, new Rectangle2D.Double(-6, -6, 12, 12));
      }
      plot.setDataset(1, references);
      plot.setRenderer(1, marks);
    }
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    if (subtitle != null && !subtitle.isEmpty()) {
      chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
    }
    return chart;
  }
}
