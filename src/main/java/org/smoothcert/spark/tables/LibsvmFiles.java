package org.smoothcert.spark.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.UserError;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/**
 * LibSVM files through Spark's {@code libsvm} reader (spark-mllib): a label column and a features
 * vector, here columns "label" and "1" to d. Spark's reader finds the largest index of all the files
 * (or fails on a line it cannot parse: indices out of order, a token that is no number, and says which
 * line, not where: the line is looked up in the files to name file and line). Each file is then read
 * with that many features, and an index beyond the table's dimension is an error of its row.
 */
final class LibsvmFiles {
  private static final Pattern QUOTED_LINE = Pattern.compile("line=\"(.*)\"", Pattern.DOTALL);
  private static final Pattern BAD_NUMBER = Pattern.compile("For input string: \"(.*)\"");

  private LibsvmFiles() {}

  static int read(SparkSession spark, Configuration hadoop, String path, List<Path> files, int dimension,
      TableSink sink) {
    int largestIndex;
    try {
      Dataset<Row> all = SparkTables.literal(spark).format("libsvm")
          .load(files.stream().map(Path::toString).toArray(String[]::new));
      largestIndex = AttributeGroup.fromStructField(all.schema().apply("features")).size();
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw locate(e, files, hadoop);
    }
    if (dimension == 0 && largestIndex > TableSpec.MAX_DIMENSION) {
      String index = Integer.toString(largestIndex);
      throw new UserError(find(files, hadoop, index, false) + ": index " + index + " is above "
          + TableSpec.MAX_DIMENSION + ", the most features a table may have; set " + TableSpec.KEY_DIMENSION
          + " to the number of features (an index beyond it is then named with its row)");
    }
    int d = dimension > 0 ? dimension : largestIndex;
    List<SourceColumn> columns = new ArrayList<>(List.of(new SourceColumn("label", SourceColumn.Type.NUMBER,
        "double")));
    for (int i = 1; i <= d; i++) {
      columns.add(new SourceColumn(Integer.toString(i), SourceColumn.Type.NUMBER, "double"));
    }
    for (Path file : files) {
      sink.beginFile(file.toString(), columns);
      Iterator<Row> rows = SparkTables.literal(spark).format("libsvm").option("numFeatures", Math.max(d, largestIndex))
          .load(file.toString()).toLocalIterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        sink.number(0, row.getDouble(0));
        SparseVector features = ((Vector) row.get(1)).toSparse();
        int[] indices = features.indices();
        double[] values = features.values();
        for (int k = 0; k < indices.length; k++) {
          if (indices[k] >= d) {
            throw sink.rowError("index " + (indices[k] + 1) + " is beyond the dimension " + d + " (data.dimension,"
                + " or the largest index of data.train-path when that is 0)");
          }
          sink.number(indices[k] + 1, values[k]);
        }
        sink.endRow();
      }
    }
    return d;
  }

  /** Spark's parse failure as one line naming the file and the line it is on. */
  private static UserError locate(Exception e, List<Path> files, Configuration hadoop) {
    String says = SparkTables.sparkSays(e);
    Matcher quoted = QUOTED_LINE.matcher(says);
    Matcher number = BAD_NUMBER.matcher(says);
    String where;
    String fault;
    if (quoted.find()) {
      where = find(files, hadoop, quoted.group(1), true);
      fault = "indices must start at 1 and ascend (" + says.substring(0, quoted.start()).replaceAll("[;\\s]+$", "")
          + ")";
    } else if (number.find()) {
      where = find(files, hadoop, number.group(1), false);
      fault = "'" + number.group(1) + "' is not a number";
    } else {
      return new UserError(files.get(0) + ": cannot be read as LibSVM: " + says, e);
    }
    return new UserError(where + ": " + fault, e);
  }

  /** "file: line N" of the first line equal to (or holding the token) {@code text}; the files if none. */
  private static String find(List<Path> files, Configuration hadoop, String text, boolean wholeLine) {
    for (Path file : files) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getFileSystem(hadoop).open(file),
          StandardCharsets.UTF_8))) {
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          n++;
          boolean hit = wholeLine ? line.strip().equals(text.strip())
              : (" " + line.replace(':', ' ') + " ").contains(" " + text + " ");
          if (hit) {
            return file + ": line " + n;
          }
        }
      } catch (IOException ignored) {
        // The lookup only adds where the fault is; the fault is reported without it.
      }
    }
    return files.size() == 1 ? files.get(0).toString() : files.get(0).getParent().toString();
  }
}
