package org.smoothcert.data.table;

import java.util.List;

/**
 * Receives a table from a {@link TableReader}: each file's columns, then its rows cell by cell. A row
 * starts with every number at 0 (LibSVM states only its non-zero features); a reader reports every other
 * cell of a row, and {@link #endRow} after its last one.
 */
public interface TableSink {
  /** A file begins; {@code columns} are its columns in order, the indices the cells below refer to. */
  void beginFile(String file, List<SourceColumn> columns);

  /** Whether the table uses column {@code column} of the current file (a reader may skip the others). */
  boolean wants(int column);

  void number(int column, double value);

  void text(int column, String value);

  /** A cell with no value (null, or an empty CSV field). */
  void missing(int column);

  void endRow();

  /** Refuses the current row: throws an error naming the file and the row. */
  RuntimeException rowError(String fault);
}
