package org.smoothcert.spark.tables;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/** Hands a file's rows to a sink, the cells of the columns it wants only, in the file's order. */
final class Rows {
  private Rows() {}

  /**
   * Feeds the rows of {@code frame}, whose columns are {@code columns}; {@code corruptColumn}, when not
   * null, holds a CSV line Spark could not split into the header's columns.
   */
  static void feed(Dataset<Row> frame, List<SourceColumn> columns, String corruptColumn, TableSink sink) {
    int[] wanted = IntStream.range(0, columns.size()).filter(sink::wants).toArray();
    Column[] selected = IntStream.of(wanted).mapToObj(i -> functions.col(quoted(columns.get(i).name())))
        .toArray(Column[]::new);
    if (corruptColumn != null) {
      selected = java.util.Arrays.copyOf(selected, selected.length + 1);
      selected[selected.length - 1] = functions.col(corruptColumn);
    }
    Iterator<Row> rows = frame.select(selected).toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (corruptColumn != null && !row.isNullAt(wanted.length)) {
        throw sink.rowError("the line does not split into the header's " + columns.size() + " columns: '"
            + row.getString(wanted.length) + "'");
      }
      for (int k = 0; k < wanted.length; k++) {
        cell(row, k, wanted[k], columns.get(wanted[k]).type(), sink);
      }
      sink.endRow();
    }
  }

  private static void cell(Row row, int k, int column, SourceColumn.Type type, TableSink sink) {
    if (row.isNullAt(k)) {
      sink.missing(column);
      return;
    }
    Object value = row.get(k);
    if (type == SourceColumn.Type.NUMBER) {
      sink.number(column, value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue());
    } else {
      sink.text(column, value.toString());
    }
  }

  /** A column name as Spark's col() takes it literally (dots and backticks in it included). */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
