package org.smoothcert.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableReader;
import org.smoothcert.data.table.TableSink;
import org.smoothcert.data.table.sources.FileTables;

/**
 * The run's readers of tables ({@link FileTables}, without Spark) against Spark's own ({@link SparkTables},
 * the reference): the same sink calls, in the same order, for the repository's tables, the shipped MNIST
 * 1/7 written as CSV, LibSVM and Parquet (a folder of three parts), and tables made for it: Parquet
 * with nulls, booleans, strings, ints, longs and floats; a CSV with quotes, empty cells, blank lines and
 * repeated names; LibSVM with comments, blank lines and explicit zeros. Every column wanted, and every
 * third one only.
 */
class SparkTablesEquivalenceIT {
  static final String BASE = System.getProperty("smoothcert.basedir", ".");

  @TempDir
  static Path tmp;
  static SparkSession spark;
  static final Configuration HADOOP = new Configuration();

  @BeforeAll
  static void writeTables() throws Exception {
    spark = TableFiles.writer();
    List<LabelledImages> splits = MnistFolder.find(BASE + "/data/mnist-1-7", HADOOP).readAll(HADOOP, 10);
    TableFiles.csv(splits.get(1), tmp.resolve("mnist.csv"));
    TableFiles.libsvm(splits.get(1), tmp.resolve("mnist.libsvm"));
    TableFiles.parquet(spark, splits.get(1), tmp.resolve("mnist.parquet"), 3);
    StructType mixed = new StructType().add("x", DataTypes.DoubleType).add("flag", DataTypes.BooleanType)
        .add("colour", DataTypes.StringType).add("count", DataTypes.IntegerType).add("big", DataTypes.LongType)
        .add("small", DataTypes.FloatType).add("label", DataTypes.IntegerType, false)
        .add("tiny", DataTypes.ByteType).add("short", DataTypes.ShortType).add("money",
            DataTypes.createDecimalType(10, 3));
    List<Row> rows = IntStream.range(0, 2500).mapToObj(i -> RowFactory.create(i % 7 == 0 ? null : i * 0.37,
        i % 5 == 0 ? null : i % 2 == 0, i % 11 == 0 ? null : "c" + (i % 4) + (i % 9 == 0 ? "é, \"q\"" : ""),
        i % 13 == 0 ? null : i - 1000, (long) i << 33, i % 3 == 0 ? null : i / 7f, i % 2, (byte) (i % 100),
        (short) (i * 3), new java.math.BigDecimal(i).movePointLeft(3))).toList();
    spark.createDataFrame(rows, mixed).repartition(4).sortWithinPartitions("count").write()
        .parquet(tmp.resolve("mixed.parquet").toString());
    Files.writeString(tmp.resolve("quoted.csv"), "\n  \nname,a,a,,\"b, c\",label\n\"x, y\",1,2,3,4,0\n\n"
        + "\"say \"\"hi\"\"\",,\"\",  5 ,-0.0,1\nz,1e3,.5,+2,NaN,\"1\"\r\n\\\"w,7,8,9,10,0\n");
    Files.writeString(tmp.resolve("rows.libsvm"), "# a comment\n1 1:0.5 3:2\n\n  0 2:0 7:1e-3  \n"
        + "1\n-1 1:1 2:2 3:3 10:0\n   # indented comment\n2.5 4:-0.0 5:7\r\n");
    Path folder = Files.createDirectories(tmp.resolve("parts.libsvm"));
    Files.writeString(folder.resolve("b.svm"), "1 2:1 4:1\n0 1:1\n");
    Files.writeString(folder.resolve("a.svm"), "0 1:2 3:4\n");
    Files.writeString(folder.resolve("_SUCCESS"), "x");
    Files.writeString(folder.resolve(".hidden"), "x");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theRepositorysCsvTables() {
    same(DataFormat.CSV, BASE + "/data/breast-cancer/breast-cancer.csv", 0);
    same(DataFormat.CSV, BASE + "/data/optical-digits/optical-digits.csv", 0);
  }

  @Test
  void mnistAsCsvLibsvmAndParquet() {
    same(DataFormat.CSV, tmp.resolve("mnist.csv").toString(), 0);
    same(DataFormat.LIBSVM, tmp.resolve("mnist.libsvm").toString(), 0);
    same(DataFormat.LIBSVM, tmp.resolve("mnist.libsvm").toString(), 784);
    same(DataFormat.PARQUET, tmp.resolve("mnist.parquet").toString(), 0);
  }

  @Test
  void parquetWithNullsBooleansStringsAndOtherNumbersInFourParts() {
    same(DataFormat.PARQUET, tmp.resolve("mixed.parquet").toString(), 0);
  }

  @Test
  void csvWithQuotesEmptyCellsBlankLinesAndRepeatedNames() {
    same(DataFormat.CSV, tmp.resolve("quoted.csv").toString(), 0);
  }

  @Test
  void libsvmWithCommentsBlankLinesZerosAndAFolder() {
    same(DataFormat.LIBSVM, tmp.resolve("rows.libsvm").toString(), 0);
    same(DataFormat.LIBSVM, tmp.resolve("rows.libsvm").toString(), 12);
    same(DataFormat.LIBSVM, tmp.resolve("parts.libsvm").toString(), 0);
  }

  @Test
  void theSameRowErrors() throws Exception {
    Path wide = Files.writeString(tmp.resolve("wide.csv"), "a,b,label\n1,2,0\n1,2,0,4\n");
    sameError(DataFormat.CSV, wide.toString(), 0);
    Path beyond = Files.writeString(tmp.resolve("beyond.libsvm"), "0 1:1\n1 1:1 5:1\n");
    sameError(DataFormat.LIBSVM, beyond.toString(), 4);
    sameError(DataFormat.PARQUET, tmp.resolve("no-such.parquet").toString(), 0);
    sameError(DataFormat.CSV, Files.writeString(tmp.resolve("empty.csv"), "").toString(), 0);
  }

  private static void same(DataFormat format, String path, int dimension) {
    for (IntPredicate wants : List.<IntPredicate>of(c -> true, c -> c % 3 == 0)) {
      Trace reference = new Trace(wants);
      Trace ours = new Trace(wants);
      int d = SparkTables.withReader(spark, HADOOP, reader -> reader.read(format, path, dimension, reference));
      int e = new FileTables(HADOOP).read(format, path, dimension, ours);
      assertTrue(reference.calls > 10, path + ": " + reference.calls + " calls");
      assertEquals(d, e, path + ": the dimension");
      assertEquals(reference.head, ours.head, path);
      assertEquals(reference.calls, ours.calls, path);
      assertEquals(reference.digest(), ours.digest(), path);
    }
  }

  private static void sameError(DataFormat format, String path, int dimension) {
    String reference = assertThrows(UserError.class, () -> SparkTables.withReader(spark, HADOOP,
        reader -> reader.read(format, path, dimension, new Trace(c -> true)))).getMessage();
    TableReader ours = new FileTables(HADOOP);
    String message = assertThrows(UserError.class, () -> ours.read(format, path, dimension, new Trace(c -> true)))
        .getMessage();
    assertEquals(reference, message);
  }

  /** The sink calls, the first few hundred as text, all of them as a digest. */
  private static final class Trace implements TableSink {
    private final IntPredicate wants;
    private final MessageDigest md;
    final List<String> head = new ArrayList<>();
    long calls;
    private String file;
    private int rows;

    Trace(IntPredicate wants) {
      this.wants = wants;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private void call(String what) {
      calls++;
      md.update((what + "\n").getBytes(StandardCharsets.UTF_8));
      if (head.size() < 400) {
        head.add(what);
      }
    }

    String digest() {
      return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void beginFile(String f, List<SourceColumn> columns) {
      file = f;
      rows = 0;
      call("begin " + f + " " + columns);
    }

    @Override
    public boolean wants(int column) {
      return wants.test(column);
    }

    @Override
    public void number(int column, double value) {
      call("number " + column + " " + value);
    }

    @Override
    public void text(int column, String value) {
      call("text " + column + " " + value);
    }

    @Override
    public void missing(int column) {
      call("missing " + column);
    }

    @Override
    public void endRow() {
      rows++;
      call("end");
    }

    @Override
    public RuntimeException rowError(String fault) {
      return new UserError(file + ": row " + (rows + 1) + ": " + fault);
    }
  }
}
