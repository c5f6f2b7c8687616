package org.smoothcert.app;

import java.io.PrintWriter;
import org.smoothcert.report.ConsoleTable;
import org.smoothcert.report.RunReport;

/** How the commands that certify votes show what they gave: base accuracy, the table, where it went. */
final class RunPrinter {
  private RunPrinter() {}

  /** {@code points} names the points certified: "test" or "validation" (data.certify-on). */
  static void print(PrintWriter out, RunReport report, String points) {
    out.printf("base classifier accuracy (one %s on %s points): %.1f%%; abstained on %d of %d%n",
        report.radiusHeader().equals(RunReport.EVERY_RADIUS) ? "noised classifier" : "classifier of the scheme",
        report.radiusHeader().equals(RunReport.EVERY_RADIUS) ? "noised " + points : points,
        100 * report.baseAccuracy(), report.certification().abstentions(), report.points());
    out.print(report.radiusHeader().equals(RunReport.EVERY_RADIUS)
        ? ConsoleTable.render(report.certification(), report.paper())
        : ConsoleTable.render(report.certification(), report.radiusHeader()));
    out.printf("wrote points.csv, curve.csv, summary.json, certified-accuracy.png/.svg to %s (%.1f s)%n",
        report.location(), report.seconds());
  }
}
