package org.smoothcert.spark.tables;

import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.TableReader;
import org.smoothcert.data.table.TableSink;
import org.smoothcert.data.table.sources.TablePaths;

/**
 * The reference reader of tables, not used by a run: Spark's own DataFrame readers on the driver, against
 * which {@code data.table.sources.FileTables} (the run's reader, without Spark) is checked row for row
 * ({@code SparkTablesEquivalenceIT}). Reads a path's files one at a time in name
 * order (so every row has its place: its index among the rows read), each row's cells handed to the
 * sink as they arrive ({@code toLocalIterator}), so no more than a partition's rows are held at once
 * besides the table being built.
 */
public final class SparkTables implements TableReader {
  private final SparkSession spark;
  private final Configuration hadoop;

  private SparkTables(SparkSession spark, Configuration hadoop) {
    this.spark = spark;
    this.hadoop = hadoop;
  }

  /**
   * Runs {@code work} with a reader on {@code spark}, e.g. a session from
   * {@link org.smoothcert.spark.SparkSessions#withReadingSession}.
   */
  public static <T> T withReader(SparkSession spark, Configuration hadoop, Function<TableReader, T> work) {
    try (QuietReading quiet = new QuietReading()) {
      return work.apply(new SparkTables(spark, hadoop));
    }
  }

  @Override
  public int read(DataFormat format, String path, int dimension, TableSink sink) {
    List<Path> files = TablePaths.files(path, hadoop);
    return switch (format) {
      case CSV -> {
        files.forEach(file -> CsvFile.read(spark, file.toString(), sink));
        yield 0;
      }
      case PARQUET -> {
        files.forEach(file -> ParquetFile.read(spark, file.toString(), sink));
        yield 0;
      }
      case LIBSVM -> LibsvmFiles.read(spark, hadoop, path, files, dimension, sink);
      case IDX -> throw new IllegalArgumentException("IDX files are read by data.MnistData");
    };
  }

  /**
   * Spark's reader with its globbing of paths turned off ({@code __globPaths__}, the option Spark's own
   * streaming sources use): a table's path is the file it names, also when that name holds [ ] { } * ?.
   */
  static DataFrameReader literal(SparkSession spark) {
    return spark.read().option("__globPaths__", "false");
  }

  /** The first line of the deepest cause's message: what Spark's reader itself said. */
  static String sparkSays(Throwable e) {
    return TablePaths.says(e);
  }
}
