package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;
import org.smoothcert.report.CurvePlot;
import org.smoothcert.run.OutputManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smoothcert plot --runs DIR1,DIR2,... --out FILE.png}: the certified-accuracy curves of several
 * runs (their {@code curve.csv}, taken only as each run's outputs.sha256 lists it) in one picture, e.g.
 * different data sets side by side. Writes FILE.png and FILE.svg (any Hadoop path).
 */
@Command(name = "plot",
    description = "The certified-accuracy curves of several runs (their curve.csv) in one picture, PNG and"
        + " SVG.")
final class PlotCommand extends Subcommand {
  @Option(names = "--runs", required = true, paramLabel = "DIRS",
      description = "the run directories, separated by commas")
  String runList;

  @Option(names = "--labels", paramLabel = "LABELS",
      description = "one legend label a run, separated by commas (default: the directories' names)")
  String labelList;

  @Option(names = "--title", paramLabel = "T", defaultValue = "Certified accuracy",
      description = "the picture's title (default: ${DEFAULT-VALUE})")
  String title;

  @Option(names = "--out", required = true, paramLabel = "FILE.png",
      description = "the PNG to write (any Hadoop path); the SVG is written beside it")
  String target;

  @Override
  int run(PrintWriter out) {
    List<String> runs = split(runList);
    List<String> labels = labelList == null ? null : split(labelList);
    if (labels != null && labels.size() != runs.size()) {
      throw new UserError("--labels names " + labels.size() + " curves but --runs has " + runs.size());
    }
    if (!target.endsWith(".png")) {
      throw new UserError("--out must end in .png (the .svg is written beside it), got " + target);
    }
    Configuration hadoop = new Configuration();
    CurvePlot plot = new CurvePlot(title, "certified accuracy against L0 radius, one curve a run");
    for (int i = 0; i < runs.size(); i++) {
      Path run = HadoopFiles.resolve(runs.get(i), hadoop);
      Path csv = new Path(run, "curve.csv");
      double[] accuracy = parseCurve(OutputManifest.readText(run, "curve.csv", hadoop), csv.toString());
      String label = labels != null ? labels.get(i) : run.getName();
      plot.addCurve(label, accuracy);
      out.printf("%-40s r = 0..%d: %s%n", label, accuracy.length - 1, percentages(accuracy));
    }
    Path png = HadoopFiles.resolve(target, hadoop);
    Path svg = new Path(png.getParent(), png.getName().replaceAll("\\.png$", ".svg"));
    byte[] pngBytes = plot.png();
    String svgText = plot.svg();
    HadoopFiles.writeAtomically(png, hadoop, o -> o.write(pngBytes));
    HadoopFiles.writeAtomically(svg, hadoop, o -> o.write(svgText.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    out.printf("wrote %s and %s%n", png, svg);
    return 0;
  }

  /** The certified_accuracy column of a run's curve.csv, indexed by radius 0, 1, 2, ... */
  static double[] parseCurve(String text, String where) {
    String[] lines = text.strip().split("\r?\n");
    if (!lines[0].startsWith("radius,certified_accuracy")) {
      throw new UserError(where + ": not a curve.csv (expected a header radius,certified_accuracy,...)");
    }
    if (lines.length < 2) {
      throw new UserError(where + ": has its header but no row (radius 0 is missing)");
    }
    double[] accuracy = new double[lines.length - 1];
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      try {
        if (cells.length < 2 || Integer.parseInt(cells[0].strip()) != i - 1) {
          throw new UserError(where + ": line " + (i + 1) + " should be radius " + (i - 1) + ", got '" + lines[i] + "'");
        }
        accuracy[i - 1] = Double.parseDouble(cells[1].strip());
      } catch (NumberFormatException e) {
        throw new UserError(where + ": line " + (i + 1) + " is not numbers: '" + lines[i] + "'");
      }
      if (!(accuracy[i - 1] >= 0 && accuracy[i - 1] <= 1)) {
        throw new UserError(where + ": line " + (i + 1) + ": certified accuracy must be within [0, 1]");
      }
    }
    return accuracy;
  }

  private static List<String> split(String list) {
    List<String> items = new ArrayList<>();
    for (String s : list.split(",")) {
      if (!s.isBlank()) {
        items.add(s.strip());
      }
    }
    if (items.isEmpty()) {
      throw new UserError("expected a comma-separated list, got '" + list + "'");
    }
    return items;
  }

  private static String percentages(double[] accuracy) {
    StringBuilder s = new StringBuilder();
    for (double a : accuracy) {
      s.append(s.length() == 0 ? "" : " / ").append(String.format("%.1f%%", 100 * a));
    }
    return s.toString();
  }
}
