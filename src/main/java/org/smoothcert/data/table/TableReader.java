package org.smoothcert.data.table;

import org.smoothcert.data.DataFormat;

/**
 * Reads a table's files into a {@link TableSink}: the data room's view of Spark's DataFrame readers
 * ({@code sources.SparkTables}), so that it can check, draw and discretize without Spark.
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
