package org.smoothcert.data.table.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.smoothcert.UserError;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/**
 * One Parquet file through parquet-hadoop, its pages decoded by {@link ParquetColumn}: its top-level
 * columns with the types Spark gives them (a number or a boolean, as 1 or 0; a string; anything else,
 * which no feature or label can be), then the columns the sink wants only, a batch of rows at a time, a
 * null cell as missing.
 */
final class ParquetReader {
  private static final int BATCH = 64;

  private ParquetReader() {}

  static void read(Path file, Configuration hadoop, TableSink sink) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<Type> fields = schema.getFields();
      List<SourceColumn> columns = fields.stream().map(ParquetReader::column).toList();
      sink.beginFile(file.toString(), columns);
      int[] wanted = IntStream.range(0, columns.size()).filter(sink::wants).toArray();
      List<Type> requested = new ArrayList<>();
      for (int column : wanted) {
        requested.add(fields.get(column));
      }
      MessageType projection = new MessageType(schema.getName(), requested);
      reader.setRequestedSchema(projection);
      Batch batch = new Batch(wanted, columns);
      List<ColumnDescriptor> descriptors = projection.getColumns();
      for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
        ParquetColumn[] readers = new ParquetColumn[wanted.length];
        for (int k = 0; k < wanted.length; k++) {
          ColumnDescriptor column = descriptors.get(k);
          readers[k] = new ParquetColumn(column, group.getPageReader(column));
        }
        for (long left = group.getRowCount(); left > 0; left -= BATCH) {
          batch.fill(readers, (int) Math.min(BATCH, left));
          batch.emit(sink);
        }
      }
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError(file + ": cannot be read as Parquet: " + TablePaths.says(e), e);
    }
  }

  /** A batch of rows of the wanted columns: numbers, or strings, with the null cells marked. */
  private static final class Batch {
    private final int[] wanted;
    private final boolean[] isString;
    private final double[][] numbers;
    private final String[][] strings;
    private final boolean[][] isNull;
    private int rows;

    Batch(int[] wanted, List<SourceColumn> columns) {
      this.wanted = wanted;
      isString = new boolean[wanted.length];
      numbers = new double[wanted.length][];
      strings = new String[wanted.length][];
      isNull = new boolean[wanted.length][BATCH];
      for (int k = 0; k < wanted.length; k++) {
        isString[k] = columns.get(wanted[k]).type() != SourceColumn.Type.NUMBER;
        if (isString[k]) {
          strings[k] = new String[BATCH];
        } else {
          numbers[k] = new double[BATCH];
        }
      }
    }

    void fill(ParquetColumn[] readers, int count) throws java.io.IOException {
      rows = count;
      for (int k = 0; k < readers.length; k++) {
        readers[k].fill(numbers[k], strings[k], isNull[k], count);
      }
    }

    void emit(TableSink sink) {
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < wanted.length; k++) {
          if (isNull[k][i]) {
            sink.missing(wanted[k]);
          } else if (isString[k]) {
            sink.text(wanted[k], strings[k][i]);
          } else {
            sink.number(wanted[k], numbers[k][i]);
          }
        }
        sink.endRow();
      }
    }
  }

  /** A top-level column with the type Spark's schema gives it (its simpleString for errors). */
  private static SourceColumn column(Type field) {
    String name = sparkType(field);
    SourceColumn.Type kind = name.equals("string") ? SourceColumn.Type.STRING
        : name.equals("boolean") || NUMBERS.contains(name) || name.startsWith("decimal(") ? SourceColumn.Type.NUMBER
        : SourceColumn.Type.OTHER;
    return new SourceColumn(field.getName(), kind, name);
  }

  private static final List<String> NUMBERS = List.of("tinyint", "smallint", "int", "bigint", "float", "double");

  /** Spark's name of a Parquet type, as ParquetToSparkSchemaConverter converts it. */
  private static String sparkType(Type field) {
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      return "array<" + (field.isPrimitive() ? primitive(field.asPrimitiveType()) : struct(field.asGroupType())) + ">";
    }
    if (field.isPrimitive()) {
      return primitive(field.asPrimitiveType());
    }
    GroupType group = field.asGroupType();
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1) {
      Type repeated = group.getType(0);
      Type element = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
          ? repeated.asGroupType().getType(0) : repeated;
      return "array<" + sparkTypeOfElement(element) + ">";
    }
    if ((logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && group.getFieldCount() == 1
        && !group.getType(0).isPrimitive() && group.getType(0).asGroupType().getFieldCount() == 2) {
      GroupType entry = group.getType(0).asGroupType();
      return "map<" + sparkTypeOfElement(entry.getType(0)) + "," + sparkTypeOfElement(entry.getType(1)) + ">";
    }
    return struct(group);
  }

  private static String sparkTypeOfElement(Type element) {
    return element.isPrimitive() ? primitive(element.asPrimitiveType()) : sparkType(element);
  }

  private static String struct(GroupType group) {
    return group.getFields().stream().map(f -> f.getName() + ":" + sparkType(f))
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  private static String primitive(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> "boolean";
      case INT32 -> logical == null ? "int" : logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
          ? (i.isSigned() ? (i.getBitWidth() == 8 ? "tinyint" : i.getBitWidth() == 16 ? "smallint" : "int")
              : (i.getBitWidth() == 8 ? "smallint" : i.getBitWidth() == 16 ? "int" : "bigint"))
          : logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? "date" : logical.toString();
      case INT64 -> logical == null ? "bigint" : logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
          ? (i.isSigned() ? "bigint" : "decimal(20,0)")
          : logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
              ? (t.isAdjustedToUTC() ? "timestamp" : "timestamp_ntz") : logical.toString();
      case INT96 -> "timestamp";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case BINARY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? "string" : "binary";
      case FIXED_LEN_BYTE_ARRAY -> "binary";
    };
  }
}
