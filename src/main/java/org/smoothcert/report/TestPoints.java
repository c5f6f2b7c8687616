package org.smoothcert.report;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.data.Examples;

/**
 * The test points of a run: their classes and where they came from in the source files. Stored in the
 * run directory so stored votes can be re-certified without the data.
 */
public record TestPoints(int[] trueLabels, int[] sourceIndices) {
  public static TestPoints of(Examples test, List<Integer> sourceIndices) {
    int[] labels = new int[test.count()];
    int[] sources = new int[test.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = test.label(i);
      sources[i] = sourceIndices.get(i);
    }
    return new TestPoints(labels, sources);
  }

  public int size() {
    return trueLabels.length;
  }

  public String toCsv() {
    StringBuilder sb = new StringBuilder("index,source_index,true_label\n");
    for (int i = 0; i < trueLabels.length; i++) {
      sb.append(i).append(',').append(sourceIndices[i]).append(',').append(trueLabels[i]).append('\n');
    }
    return sb.toString();
  }

  /** Parses {@link #toCsv()}'s output. */
  public static TestPoints parse(String csv, String origin) {
    List<int[]> rows = new ArrayList<>();
    String[] lines = csv.split("\n");
    for (int n = 1; n < lines.length; n++) {
      String[] f = lines[n].split(",");
      try {
        if (f.length != 3 || Integer.parseInt(f[0]) != rows.size()) {
          throw new NumberFormatException();
        }
        rows.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(origin + ": malformed line " + (n + 1) + ": '" + lines[n] + "'");
      }
    }
    int[] labels = new int[rows.size()];
    int[] sources = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      sources[i] = rows.get(i)[0];
      labels[i] = rows.get(i)[1];
    }
    return new TestPoints(labels, sources);
  }
}
