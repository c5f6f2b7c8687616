package org.smoothcert.spark.tables;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.smoothcert.UserError;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/** One Parquet file through {@code spark.read().parquet}: its schema's types, then its rows. */
final class ParquetFile {
  private ParquetFile() {}

  static void read(SparkSession spark, String file, TableSink sink) {
    Dataset<Row> frame;
    try {
      frame = SparkTables.literal(spark).parquet(file);
    } catch (Exception e) {
      throw new UserError(file + ": cannot be read as Parquet: " + SparkTables.sparkSays(e), e);
    }
    List<SourceColumn> columns = Arrays.stream(frame.schema().fields()).map(ParquetFile::column).toList();
    sink.beginFile(file, columns);
    try {
      Rows.feed(frame, columns, null, sink);
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError(file + ": cannot be read as Parquet: " + SparkTables.sparkSays(e), e);
    }
  }

  private static SourceColumn column(StructField field) {
    DataType type = field.dataType();
    SourceColumn.Type kind = type instanceof NumericType || type instanceof BooleanType ? SourceColumn.Type.NUMBER
        : type instanceof StringType ? SourceColumn.Type.STRING : SourceColumn.Type.OTHER;
    return new SourceColumn(field.name(), kind, type.simpleString());
  }
}
