package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.io.HadoopFiles;

/** {@code smoothcert plot}: several runs' curves in one PNG and SVG, and clear refusals. */
class PlotCommandTest {
  @TempDir
  Path tmp;

  /** A run folder with its curve.csv, listed in its outputs.sha256 as a run lists it. */
  private Path run(String name, String curve) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("curve.csv"), curve);
    String sha256 = HexFormat.of().formatHex(HadoopFiles.sha256Bytes(curve.getBytes(StandardCharsets.UTF_8)));
    Files.writeString(dir.resolve("outputs.sha256"), sha256 + "  curve.csv\n");
    return dir;
  }

  @Test
  void drawsEveryRunsCurveInOnePicture() throws IOException {
    Path a = run("mnist-1-7", "radius,certified_accuracy,certified_points\n0,0.967,967\n1,0.869,869\n2,0.638,638\n");
    Path b = run("mnist-10", "radius,certified_accuracy,certified_points\n0,0.833,833\n1,0.34,340\n");
    Path png = tmp.resolve("out/classes.png");
    CliTest.Result r = CliTest.run("plot --runs " + a + "," + b + " --labels MNIST-1/7,MNIST-10 --out " + png);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("MNIST-1/7") && r.out().contains("96.7% / 86.9% / 63.8%"), r.out());
    assertTrue(r.out().contains("83.3% / 34.0%"), r.out());
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    String svg = Files.readString(tmp.resolve("out/classes.svg"));
    assertTrue(svg.contains("MNIST-10") && svg.contains("<svg"), "legend in the SVG");
  }

  @Test
  void refusesWhatItCannotDraw() throws IOException {
    Path a = run("a", "radius,certified_accuracy\n0,0.9\n");
    Path bad = run("bad", "radius,certified_accuracy\n0,1.5\n");
    String png = tmp.resolve("x.png").toString();
    assertRefused("plot --runs " + tmp.resolve("none") + " --out " + png, "curve.csv: no such file");
    assertRefused("plot --runs " + a + " --labels x,y --out " + png, "--labels names 2 curves but --runs has 1");
    assertRefused("plot --runs " + a + " --out " + tmp.resolve("x.jpg"), "--out must end in .png");
    assertRefused("plot --runs " + bad + " --out " + png, "certified accuracy must be within [0, 1]");
    assertRefused("plot --runs " + run("skip", "radius,certified_accuracy\n1,0.5\n") + " --out " + png,
        "should be radius 0");
    assertRefused("plot --runs " + run("header-only", "radius,certified_accuracy,certified_points\n") + " --out "
        + png, "has its header but no row");
    assertRefused("plot --runs " + run("no-header", "0,0.9\n") + " --out " + png, "not a curve.csv");
  }

  private static void assertRefused(String line, String expected) {
    CliTest.Result r = CliTest.run(line);
    assertEquals(Main.USAGE_ERROR, r.status(), r.out());
    assertTrue(r.err().contains(expected), r.err());
  }
}
