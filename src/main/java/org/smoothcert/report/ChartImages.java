package org.smoothcert.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A chart as the PNG and SVG files the reports write, drawn headless. */
public final class ChartImages {
  static final int WIDTH = 800;
  static final int HEIGHT = 520;

  private ChartImages() {}

  public static byte[] png(JFreeChart chart) {
    System.setProperty("java.awt.headless", "true");
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String svg(JFreeChart chart) {
    System.setProperty("java.awt.headless", "true");
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGDocument();
  }
}
