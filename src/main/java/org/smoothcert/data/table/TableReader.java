package org.smoothcert.data.table;

import org.smoothcert.data.DataFormat;

/**
 * Reads a table's files into a {@link TableSink}: the run's readers ({@code sources.FileTables}) or
 * Spark's DataFrame readers, the reference they are checked against ({@code spark.tables}); the data
 * room checks, draws and discretizes the same whichever reads.
 */
public interface TableReader {
  /**
   * Reads every row of {@code path} (a file, or a folder's data files in name order) into {@code sink}.
   *
   * @param dimension LibSVM only: the features the table has (indices 1 to dimension), an index beyond
   *     it being an error of its row; 0 for the largest index of the files
   * @return the number of features a LibSVM file has under {@code dimension}; 0 for the other formats
   */
  int read(DataFormat format, String path, int dimension, TableSink sink);
}
