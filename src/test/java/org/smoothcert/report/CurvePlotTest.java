package org.smoothcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
  }

  @Test
  void theSvgHasTheAxisLabelsAndOnePointPerRadiusWhereTheAccuracySaysIt() {
    double[] accuracy = {0.9, 0.8, 0.6, 0.0};
    // The vertical axis's label is drawn rotated, as glyph outlines rather than text: checked on the chart.
    CurvePlot plot = new CurvePlot("Title", "Sub").addCurve("curve-a", accuracy);
    assertEquals("Certified accuracy", ((XYPlot) plot.chart().getPlot()).getRangeAxis().getLabel());
    String svg = plot.svg();
    for (String label : List.of("Title", "Sub", "curve-a",
        "Number of perturbed pixels/labels (certified L0 radius r)", "0", "1", "2", "3", "0.50", "1.00")) {
      assertTrue(svg.contains(">" + label + "</text>"), "no text '" + label + "' in the SVG");
    }
    // Each point's marker is a circle of radius 4 drawn as a path starting at its right-most point.
    Matcher m = Pattern.compile("<path d='M([-0-9.]+),([-0-9.]+)C").matcher(svg);
    TreeMap<Double, Double> centres = new TreeMap<>();
    while (m.find()) {
      centres.put(Double.parseDouble(m.group(1)) - 4, Double.parseDouble(m.group(2)));
    }
    // One more circle than radii: the legend's, below the plot (the largest y).
    double legendY = Collections.max(centres.values());
    centres.values().removeIf(y -> y == legendY);
    assertEquals(accuracy.length, centres.size(), centres.toString());
    List<Double> xs = List.copyOf(centres.keySet());
    List<Double> ys = List.copyOf(centres.values());
    double step = xs.get(1) - xs.get(0);
    double pixelsPerUnit = (ys.get(accuracy.length - 1) - ys.get(0)) / (accuracy[0] - accuracy[accuracy.length - 1]);
    for (int r = 0; r < accuracy.length; r++) {
      assertEquals(xs.get(0) + r * step, xs.get(r), 0.01, "radius " + r + " is not evenly spaced");
      assertEquals(ys.get(0) + (accuracy[0] - accuracy[r]) * pixelsPerUnit, ys.get(r), 0.01, "radius " + r);
    }
    assertTrue(step > 0 && pixelsPerUnit > 0, "radii run right, accuracy runs up");
  }

  @Test
  void thePngIsAPngOfTheChartsSize() throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(new CurvePlot("t", "s")
        .addCurve("a", new double[] {0.9, 0.5}).png()));
    assertTrue(image != null, "not a PNG");
    assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, image.getWidth() + "x" + image.getHeight());
  }

  @Test
  void aCurveOfRadiusZeroStillGetsAUnitAxis() {
    ValueAxis x = radiusAxis(new CurvePlot("t", "s").addCurve("a", new double[] {0.5}));
    assertEquals(1.1, x.getUpperBound(), 1e-12);
  }
}
