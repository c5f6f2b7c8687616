package org.smoothcert.data.table.sources;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.TableReader;
import org.smoothcert.data.table.TableSink;
import org.smoothcert.io.HadoopFiles;

/**
 * Reads tables with Spark's own DataFrame readers on the driver: a path's files one at a time in name
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
   * Runs {@code work} with a reader on {@code spark}: the driver's session for reading, from
   * {@link org.smoothcert.spark.SparkSessions#withReadingSession} (the data is read once, on the driver,
   * before the run's own Spark starts).
   */
  public static <T> T withReader(SparkSession spark, Configuration hadoop, Function<TableReader, T> work) {
    try (QuietReading quiet = new QuietReading()) {
      return work.apply(new SparkTables(spark, hadoop));
    }
  }

  @Override
  public int read(DataFormat format, String path, int dimension, TableSink sink) {
    List<Path> files = files(path);
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
   * A file, or a folder's files (names starting with _ or . left out) in name order; none may be empty.
   * A path without a scheme is local, as everywhere in smoothcert, even where the default file system is HDFS.
   */
  private List<Path> files(String path) {
    Path p = HadoopFiles.resolve(path, hadoop);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      FileStatus status = fs.getFileStatus(p);
      List<FileStatus> found = new ArrayList<>();
      if (status.isDirectory()) {
        Arrays.stream(fs.listStatus(p)).filter(s -> s.isFile() && !s.getPath().getName().startsWith("_")
            && !s.getPath().getName().startsWith(".")).sorted(Comparator.comparing(s -> s.getPath().getName()))
            .forEach(found::add);
        if (found.isEmpty()) {
          throw new UserError(path + ": a folder without a data file");
        }
      } else {
        found.add(status);
      }
      for (FileStatus file : found) {
        if (file.getLen() == 0) {
          throw new UserError(file.getPath() + ": is empty");
        }
      }
      return found.stream().map(FileStatus::getPath).toList();
    } catch (FileNotFoundException e) {
      throw new UserError(path + ": no such file or folder");
    } catch (IOException e) {
      throw new UserError(path + ": cannot read: " + e.getMessage(), e);
    }
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
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
