package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.spark.tables.TableFiles;

/**
 * {@code smoothcert run} on a bad table, for each format: one line naming the file (and the row or the
 * column where it applies), exit status 2, before any training (nothing printed) and nothing written.
 * A good file is {@value #ROWS} rows of columns a, b, c and a label 0 or 1; each case spoils one thing.
 */
class TableHostileInputIT {
  static final int ROWS = 12;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void writeParquetFiles() {
    SparkSession spark = TableFiles.writer();
    try {
      StructType good = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
          .add("c", DataTypes.DoubleType).add("label", DataTypes.IntegerType);
      StructType stringColumn = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.StringType)
          .add("c", DataTypes.DoubleType).add("label", DataTypes.IntegerType);
      StructType noColumnC = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
          .add("label", DataTypes.IntegerType);
      spark.createDataFrame(rows(i -> RowFactory.create(i * 0.1, 1.0, 2.0, i % 2)), good).coalesce(1).write()
          .parquet(tmp.resolve("good.parquet").toString());
      spark.createDataFrame(rows(i -> RowFactory.create(i * 0.1, i == 7 ? Double.NaN : 1.0, 2.0, i % 2)), good)
          .coalesce(1).write().parquet(tmp.resolve("nan.parquet").toString());
      spark.createDataFrame(rows(i -> RowFactory.create(i * 0.1, "x", 2.0, i % 2)), stringColumn).coalesce(1)
          .write().parquet(tmp.resolve("string-column.parquet").toString());
      spark.createDataFrame(rows(i -> RowFactory.create(i * 0.1, 1.0, i % 2)), noColumnC).coalesce(1).write()
          .parquet(tmp.resolve("no-column-c.parquet").toString());
    } finally {
      spark.stop();
    }
  }

  private static List<org.apache.spark.sql.Row> rows(java.util.function.IntFunction<org.apache.spark.sql.Row> row) {
    return IntStream.range(0, ROWS).mapToObj(row).toList();
  }

  /** A good CSV with line {@code spoiled} (1 = the first row after the header) replaced. */
  private static String csv(int spoiled, String line) {
    StringBuilder s = new StringBuilder("a,b,c,label\n");
    for (int i = 1; i <= ROWS; i++) {
      s.append(i == spoiled ? line : i + ",1.5,2," + (i % 2)).append('\n');
    }
    return s.toString();
  }

  /** A good LibSVM file with line {@code spoiled} (from 1) replaced. */
  private static String libsvm(int spoiled, String line) {
    return IntStream.rangeClosed(1, ROWS).mapToObj(i -> i == spoiled ? line : (i % 2) + " 1:" + i + " 3:0.5")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static void refused(String format, Path train, Path test, String expected, String... more) {
    Path out = tmp.resolve("out-" + System.nanoTime());
    List<String> sets = new ArrayList<>(List.of("data.format=" + format, "data.train-path=\"" + train + "\"",
        "data.classes=[0, 1]", "data.train-size=4", "data.test-size=4", "smoothing.classifiers=4",
        "job.out=\"" + out + "\""));
    if (test != null) {
      sets.add("data.test-path=\"" + test + "\"");
    }
    sets.addAll(List.of(more));
    HostileInputTest.assertRefused(HostileInputTest.run(sets), expected);
    assertFalse(Files.exists(out), "output left behind in " + out);
  }

  @ParameterizedTest(name = "csv: {0}")
  @CsvSource(delimiter = '|', value = {
      "a word for a number     | 5 | 5,many,2,1       | row 5: column 'b': 'many' is not a number",
      "NaN                     | 3 | 3,NaN,2,1        | row 3: column 'b': NaN is not a finite number (NaN or infinite)",
      "infinity                | 4 | 4,1.5,Infinity,0 | row 4: column 'c': Infinity is not a finite number",
      "an empty cell           | 6 | 6,,2,0           | row 6: column 'b' is empty",
      "a label that is not whole | 2 | 2,1.5,2,0.5    | row 2: label '0.5' is not a whole number, as the classes [0, 1] are",
      "a line of five fields   | 8 | 8,1.5,2,1,9      | row 8: the line does not split into the header's 4 columns: '8,1.5,2,1,9'",
  })
  void aBadCsvCell(String what, int line, String text, String expected) throws IOException {
    Path train = file("cell-" + line + ".csv", csv(line, text));
    refused("csv", train, null, train.getFileName() + ": " + expected);
  }

  @ParameterizedTest(name = "csv: {0}")
  @CsvSource(delimiter = '|', value = {
      "a misspelled label column | data.label-column=lable | no column 'lable' (data.label-column); did you mean 'label'?",
      "a misspelled feature      | data.feature-columns=[a, bb] | no column 'bb' (data.feature-columns)",
      "a missing categorical column | data.categorical-columns=[d] | data.categorical-columns: 'd' is not a feature column of",
  })
  void aMissingOrMisspelledColumn(String what, String set, String expected) throws IOException {
    Path train = file("good.csv", csv(0, ""));
    refused("csv", train, null, expected, set);
  }



  @ParameterizedTest(name = "libsvm: {0}")
  @CsvSource(delimiter = '|', value = {
      "indices out of order       | 4 | 0 3:1 1:2    | | line 4: indices must start at 1 and ascend",
      "index 0                    | 6 | 1 0:1 2:2    | | line 6: indices must start at 1 and ascend",
      "a word for a value         | 9 | 1 1:x 2:2    | | line 9: 'x' is not a number",
      "NaN                        | 3 | 1 1:NaN      | | row 3: column '1': NaN is not a finite number",
      "an index beyond the dimension | 7 | 1 1:1 5:1 | data.dimension=4 | row 7: index 5 is beyond the dimension 4",
  })
  void aBadLibsvmLine(String what, int line, String text, String set, String expected) throws IOException {
    Path train = file("line-" + line + "-" + what.length() + ".libsvm", libsvm(line, text));
    refused("libsvm", train, null, train.getFileName() + ": " + expected, set == null ? new String[0]
        : new String[] {set});
  }

  @ParameterizedTest(name = "libsvm: {0}")
  @CsvSource(delimiter = '|', value = {
      "a test index beyond the training file's largest | 5 | 1 1:1 4:1 | row 5: index 4 is beyond the dimension 3",
  })
  void aLibsvmTestFileBeyondTheTrainingDimension(String what, int line, String text, String expected)
      throws IOException {
    Path train = file("train.libsvm", libsvm(0, ""));
    Path test = file("wide-test.libsvm", libsvm(line, text));
    refused("libsvm", train, test, "wide-test.libsvm: " + expected);
  }



  @ParameterizedTest(name = "parquet: {0}")
  @CsvSource(delimiter = '|', value = {
      "a string column as a feature | string-column.parquet | | column 'b' has type string; a feature must be a number (or list the column in data.categorical-columns)",
      "NaN                          | nan.parquet           | | row 8: column 'b': NaN is not a finite number",
      "a misspelled label column    | good.parquet | data.label-column=Label | no column 'Label' (data.label-column); did you mean 'label'?",
  })
  void aParquetFileOfTheWrongSchemaOrValues(String what, String folder, String set, String expected) {
    refused("parquet", tmp.resolve(folder), null, ".parquet: " + expected, set == null ? new String[0]
        : new String[] {set});
  }

  @ParameterizedTest(name = "parquet: {0}")
  @CsvSource(delimiter = '|', value = {
      "a test file without a training column | no-column-c.parquet | no column 'c' (a feature of",
  })
  void aParquetTestFileOfAnotherSchema(String what, String folder, String expected) {
    refused("parquet", tmp.resolve("good.parquet"), tmp.resolve(folder), ".parquet: " + expected);
  }



  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "csv     | an empty file      | empty.csv       | ''              | empty.csv: is empty",
      "csv     | only a header      | header-only.csv | 'a,b,c,label\n' | header-only.csv: holds no row",
      "libsvm  | an empty file      | empty.libsvm    | ''              | empty.libsvm: is empty",
      "parquet | an empty file      | empty.parquet   | ''              | empty.parquet: is empty",
      "parquet | not Parquet at all | text.parquet    | 'a,b\n1,2\n'    | text.parquet: cannot be read as Parquet",
  })
  void anEmptyOrAlienFile(String format, String what, String name, String text, String expected)
      throws IOException {
    refused(format, file(name, text.replace("\\n", "\n")), null, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "csv     | no-such.csv     | no-such.csv: no such file or folder",
      "parquet | no-such.parquet | no-such.parquet: no such file or folder",
  })
  void aMissingFile(String format, String name, String expected) {
    refused(format, tmp.resolve(name), null, expected);
  }
}
