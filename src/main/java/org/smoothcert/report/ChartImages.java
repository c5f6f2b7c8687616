package org.smoothcert.report;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import javax.imageio.ImageIO;
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

  /** Charts side by side in one picture, each {@value #WIDTH} x {@value #HEIGHT}. */
  public static byte[] pngSideBySide(JFreeChart... charts) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH * charts.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      for (int k = 0; k < charts.length; k++) {
        charts[k].draw(g, new Rectangle(k * WIDTH, 0, WIDTH, HEIGHT));
      }
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #pngSideBySide}'s picture as SVG. */
  public static String svgSideBySide(JFreeChart... charts) {
    System.setProperty("java.awt.headless", "true");
    SVGGraphics2D g = new SVGGraphics2D(WIDTH * charts.length, HEIGHT);
    for (int k = 0; k < charts.length; k++) {
      charts[k].draw(g, new Rectangle(k * WIDTH, 0, WIDTH, HEIGHT));
    }
    return g.getSVGDocument();
  }
}
