package org.smoothcert.data.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smoothcert.data.DataFormat;

/**
 * A {@link TableReader} over tables held in memory, for tests without Spark: a path's files, each with
 * its columns and rows of cells (a Double is a number, a String text, null a missing cell), fed to the
 * sink as a Spark reader feeds it.
 */
final class MemoryTables implements TableReader {
  /** One file: its columns and rows. */
  record File(String name, List<SourceColumn> columns, List<List<Object>> rows) {}

  private final Map<String, List<File>> paths = new LinkedHashMap<>();

  /** A path of one file whose columns are text (as CSV's): the header, then the rows. */
  MemoryTables csv(String path, String header, String... lines) {
    List<SourceColumn> columns = new ArrayList<>();
    for (String name : header.split(",", -1)) {
      columns.add(new SourceColumn(name, SourceColumn.Type.TEXT, "text"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String line : lines) {
      List<Object> row = new ArrayList<>();
      for (String cell : line.split(",", -1)) {
        row.add(cell.isEmpty() ? null : cell);
      }
      rows.add(row);
    }
    return file(path, new File(path, columns, rows));
  }

  MemoryTables file(String path, File file) {
    paths.computeIfAbsent(path, p -> new ArrayList<>()).add(file);
    return this;
  }

  @Override
  public int read(DataFormat format, String path, int dimension, TableSink sink) {
    for (File file : paths.get(path)) {
      sink.beginFile(file.name(), file.columns());
      for (List<Object> row : file.rows()) {
        for (int i = 0; i < row.size(); i++) {
          Object cell = row.get(i);
          if (!sink.wants(i)) {
            continue;
          }
          if (cell == null) {
            sink.missing(i);
          } else if (cell instanceof Double d) {
            sink.number(i, d);
          } else {
            sink.text(i, (String) cell);
          }
        }
        sink.endRow();
      }
    }
    return 0;
  }
}
