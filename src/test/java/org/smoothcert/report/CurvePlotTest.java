package org.smoothcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class CurvePlotTest {
  private static ValueAxis radiusAxis(CurvePlot plot) {
    return ((XYPlot) plot.chart().getPlot()).getDomainAxis();
  }

  @Test
  void radiusAxisShowsEveryPointOfEveryCurveAndReference() {
    CurvePlot plot = new CurvePlot("t", "s").addCurve("a", new double[] {0.9, 0.8, 0.6, 0.0})
        .addCurve("b", new double[] {0.9}).addReference("paper", 5, 0.3);
    ValueAxis x = radiusAxis(plot);
    assertTrue(x.getLowerBound() < 0 && x.getUpperBound() > 5, x.getRange().toString());
    assertTrue(plot.png().length > 1000);
  }

  @Test
  void aCurveOfRadiusZeroStillGetsAUnitAxis() {
    ValueAxis x = radiusAxis(new CurvePlot("t", "s").addCurve("a", new double[] {0.5}));
    assertEquals(1.1, x.getUpperBound(), 1e-12);
  }
}
