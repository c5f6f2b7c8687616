package org.smoothcert.spark.tables;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smoothcert.UserError;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/**
 * One CSV file through {@code spark.read().csv}: the header names the columns, every cell arrives as
 * text (no schema inference: the data room reads numbers itself, naming the row and column of a cell
 * that is not one), and a line that does not split into the header's columns is caught in a corrupt
 * record column, so it can be named too.
 */
final class CsvFile {
  private static final String CORRUPT = "_smoothcert_malformed_line";

  private CsvFile() {}

  static void read(SparkSession spark, String file, TableSink sink) {
    try {
      StructType header = options(spark).csv(file).schema();
      if (header.fields().length == 0) {
        throw new UserError(file + ": has no header line");
      }
      List<SourceColumn> columns = Arrays.stream(header.fieldNames())
          .map(name -> new SourceColumn(name, SourceColumn.Type.TEXT, "text")).toList();
      sink.beginFile(file, columns);
      Dataset<Row> frame = options(spark).schema(header.add(CORRUPT, DataTypes.StringType))
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).csv(file);
      Rows.feed(frame, columns, CORRUPT, sink);
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError(file + ": cannot be read as CSV: " + SparkTables.sparkSays(e), e);
    }
  }

  private static DataFrameReader options(SparkSession spark) {
    return SparkTables.literal(spark).option("header", "true").option("inferSchema", "false");
  }
}
