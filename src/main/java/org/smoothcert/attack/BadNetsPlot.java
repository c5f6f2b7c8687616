package org.smoothcert.attack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.smoothcert.report.ChartImages;

/**
 * BadNets' success against R: the undefended learner (dashed), the smoothed classifier on the triggered
 * test images (solid), for bagging and partition also on the clean test images (the threat they certify),
 * and the share of test points the clean run certified at radius >= R.
 */
final class BadNetsPlot {
  private static final BasicStroke SOLID = new BasicStroke(2.2f);
  private static final BasicStroke DASHED =
      new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

  private final String subtitle;
  private final List<BadNetsLevel> levels;
  private final boolean threatIsTriggered;

  BadNetsPlot(String subtitle, List<BadNetsLevel> levels, boolean threatIsTriggered) {
    this.subtitle = subtitle;
    this.levels = levels;
    this.threatIsTriggered = threatIsTriggered;
  }

  byte[] png() {
    return ChartImages.png(chart());
  }

  String svg() {
    return ChartImages.svg(chart());
  }

  private JFreeChart chart() {
    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYSeries undefended = new XYSeries("undefended learner (whole poisoned set), triggered test", true, false);
    XYSeries smoothed = new XYSeries("smoothed, triggered test", true, false);
    XYSeries threat = new XYSeries("smoothed, clean test (the certified threat)", true, false);
    XYSeries certified = new XYSeries("test points certified at radius >= R (clean run)", true, false);
    for (int k = 0; k < levels.size(); k++) {
      BadNetsLevel l = levels.get(k);
      undefended.add(k, l.undefendedSuccess());
      smoothed.add(k, l.smoothedSuccess());
      threat.add(k, l.smoothedThreatSuccess());
      certified.add(k, (double) l.certified() / Math.max(1, l.points()));
    }
    style(renderer, lines.getSeriesCount(), new Color(0xd62728), DASHED, false);
    lines.addSeries(undefended);
    style(renderer, lines.getSeriesCount(), new Color(0x1f77b4), SOLID, false);
    lines.addSeries(smoothed);
    if (!threatIsTriggered) {
      style(renderer, lines.getSeriesCount(), new Color(0x2ca02c), SOLID, false);
      lines.addSeries(threat);
    }
    style(renderer, lines.getSeriesCount(), Color.BLACK, new BasicStroke(1.5f), true);
    lines.addSeries(certified);
    SymbolAxis x = new SymbolAxis("R: poisoned training examples (trigger + target label)",
        levels.stream().map(l -> String.valueOf(l.r())).toArray(String[]::new));
    return AttackPlot.successChart("BadNets against the poisoned-example certificate", subtitle, lines, x, renderer);
  }

  private static void style(XYLineAndShapeRenderer renderer, int series, Color color, BasicStroke stroke,
      boolean square) {
    renderer.setSeriesPaint(series, color);
    renderer.setSeriesStroke(series, stroke);
    renderer.setSeriesShape(series, square ? new Rectangle2D.Double(-5, -5, 10, 10) : new Ellipse2D.Double(-4, -4, 8, 8));
  }
}
