package org.smoothcert.data.table.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.data.Cells;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;
import org.smoothcert.data.table.TableSpec;

/**
 * LibSVM files as Spark's {@code libsvm} reader (MLUtils.parseLibSVMRecord) reads them: a line trimmed,
 * blank lines and lines starting with # skipped, then a label and index:value pairs split at spaces, the
 * indices starting at 1 and ascending; columns "label" and "1" to d. A first pass reads every file
 * through, so that a line that is not LibSVM is named (file and line) before any row is taken, and finds
 * the largest index: d when the table's dimension is 0. The second hands the rows over, a value of 0
 * left out as Spark's sparse vectors leave it out, an index beyond d being an error of its row.
 */
final class LibsvmReader {
  private LibsvmReader() {}

  static int read(List<Path> files, Configuration hadoop, int dimension, TableSink sink) {
    Largest largest = new Largest();
    for (Path file : files) {
      lines(file, hadoop, (line, n) -> largest.see(file, n, parse(line, file, n, null)));
    }
    if (largest.rows == 0) {
      throw new UserError((files.size() == 1 ? files.get(0) : files.get(0).getParent()) + ": holds no row");
    }
    if (dimension == 0 && largest.index > TableSpec.MAX_DIMENSION) {
      throw new UserError(largest.where + ": index " + largest.index + " is above " + TableSpec.MAX_DIMENSION
          + ", the most features a table may have; set " + TableSpec.KEY_DIMENSION + " to the number of features"
          + " (an index beyond it is then named with its row)");
    }
    int d = dimension > 0 ? dimension : largest.index;
    List<SourceColumn> columns = new ArrayList<>(List.of(new SourceColumn("label", SourceColumn.Type.NUMBER,
        "double")));
    for (int i = 1; i <= d; i++) {
      columns.add(new SourceColumn(Integer.toString(i), SourceColumn.Type.NUMBER, "double"));
    }
    Row row = new Row(sink, d);
    for (Path file : files) {
      sink.beginFile(file.toString(), columns);
      lines(file, hadoop, (line, n) -> {
        parse(line, file, n, row);
        sink.endRow();
      });
    }
    return d;
  }

  /** Where a line's cells go in the second pass: to the sink, each index checked against d. */
  private static final class Row {
    final TableSink sink;
    final int d;

    Row(TableSink sink, int d) {
      this.sink = sink;
      this.d = d;
    }

    void cell(int index, double value) {
      if (value == 0) {
        return;
      }
      if (index > d) {
        throw sink.rowError("index " + index + " is beyond the dimension " + d + " (data.dimension,"
            + " or the largest index of data.train-path when that is 0)");
      }
      sink.number(index, value);
    }
  }

  /** The largest index of the rows seen, and the first line holding it. */
  private static final class Largest {
    int index;
    int rows;
    String where;

    void see(Path file, int line, int last) {
      rows++;
      if (Math.max(last, 1) > index) {
        index = Math.max(last, 1);
        where = file + ": line " + line;
      }
    }
  }

  private interface LineTask {
    void line(String line, int number);
  }

  /** Each line that holds a row (trimmed: not blank, not a # comment), with its number in the file. */
  private static void lines(Path file, Configuration hadoop, LineTask task) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(TablePaths.open(file, hadoop),
        StandardCharsets.UTF_8), 1 << 16)) {
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          task.line(t, n);
        }
      }
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + TablePaths.says(e), e);
    }
  }

  /**
   * Reads one line: hands its cells to {@code row}, or with none only checks it. Returns its last index
   * (from 1; 0 without features).
   */
  private static int parse(String line, Path file, int n, Row row) {
    int end = line.indexOf(' ');
    end = end < 0 ? line.length() : end;
    double label = number(line, 0, end, file, n);
    if (row != null) {
      row.sink.number(0, label);
    }
    int previous = 0;
    String disorder = null;
    for (int at = end + 1; at < line.length(); at = end + 1) {
      end = line.indexOf(' ', at);
      end = end < 0 ? line.length() : end;
      if (end == at) {
        continue;
      }
      int colon = line.indexOf(':', at);
      if (colon < 0 || colon >= end - 1 || colon == at && end - at == 1) {
        throw new UserError(file + ": line " + n + ": '" + line.substring(at, end) + "' is not index:value");
      }
      int index = index(line, at, colon, file, n);
      int next = line.indexOf(':', colon + 1);
      double value = number(line, colon + 1, next < 0 || next > end ? end : next, file, n);
      if (index <= previous && disorder == null) {
        disorder = previous == 0 ? "the first is " + index : index + " after " + previous;
      }
      previous = index;
      if (row != null) {
        row.cell(index, value);
      }
    }
    if (disorder != null) {
      // As Spark's parser: every pair read first, then the order checked.
      throw new UserError(file + ": line " + n + ": indices must start at 1 and ascend (" + disorder + ")");
    }
    return previous;
  }

  private static int index(String line, int from, int to, Path file, int n) {
    if (to - from <= 9) {
      int index = 0;
      int i = from;
      while (i < to && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
        index = index * 10 + line.charAt(i++) - '0';
      }
      if (i == to && to > from) {
        return index;
      }
    }
    try {
      return Integer.parseInt(line, from, to, 10);
    } catch (NumberFormatException e) {
      throw new UserError(file + ": line " + n + ": '" + line.substring(from, to) + "' is not a number");
    }
  }

  /** A label or value as Java reads a double (as Spark does). */
  private static double number(String line, int from, int to, Path file, int n) {
    double plain = Cells.decimal(line, from, to);
    if (!Double.isNaN(plain)) {
      return plain;
    }
    try {
      return Double.parseDouble(line.substring(from, to));
    } catch (NumberFormatException e) {
      throw new UserError(file + ": line " + n + ": '" + line.substring(from, to) + "' is not a number");
    }
  }
}
