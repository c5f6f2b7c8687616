package org.smoothcert.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;
import org.smoothcert.data.table.sources.FileTables;

/**
 * Hostile inputs for the readers without Spark, each against Spark's reader: Parquet written by
 * parquet-hadoop itself (data pages v1 and v2, small pages and row groups, dictionaries falling back to
 * plain values mid-column, unsigned ints, decimals on INT32, INT64, FIXED_LEN_BYTE_ARRAY and BINARY,
 * INT96, float NaN and infinities), CSV with a BOM, CRLF and odd numbers, LibSVM's odd lines.
 */
class HostileTablesIT {
  @TempDir
  static Path tmp;
  static SparkSession spark;
  static final Configuration HADOOP = new Configuration();

  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {\n"
      + "  required int32 label;\n"
      + "  optional int32 u8 (INTEGER(8,false));\n"
      + "  optional int32 u16 (INTEGER(16,false));\n"
      + "  optional int32 u32 (INTEGER(32,false));\n"
      + "  optional int64 u64 (INTEGER(64,false));\n"
      + "  optional int32 i8 (INTEGER(8,true));\n"
      + "  optional int32 d32 (DECIMAL(9,2));\n"
      + "  optional int64 d64 (DECIMAL(18,4));\n"
      + "  required int64 d64r (DECIMAL(18,17));\n"
      + "  optional fixed_len_byte_array(16) dfix (DECIMAL(38,10));\n"
      + "  optional fixed_len_byte_array(5) dfix5 (DECIMAL(11,3));\n"
      + "  optional binary dbin (DECIMAL(30,5));\n"
      + "  optional float f;\n"
      + "  required double d;\n"
      + "  optional double dn;\n"
      + "  optional binary s (STRING);\n"
      + "  optional binary sfall (STRING);\n"
      + "  optional int96 ts;\n"
      + "  required int64 big;\n"
      + "  optional int64 fall;\n"
      + "  required boolean b;\n"
      + "  optional boolean bn;\n"
      + "  optional group g { optional int32 x; }\n"
      + "  repeated int32 r;\n"
      + "  required int32 after;\n"
      + "}");

  /** A way of writing the Parquet file. */
  record Variant(ParquetProperties.WriterVersion version, boolean dictionary, CompressionCodecName codec,
      boolean byteStreamSplit) {
    Path file() {
      return tmp.resolve("p-" + version + "-" + dictionary + "-" + codec + "-" + byteStreamSplit + ".parquet");
    }
  }

  static final List<Variant> VARIANTS = List.of(
      new Variant(ParquetProperties.WriterVersion.PARQUET_1_0, true, CompressionCodecName.UNCOMPRESSED, false),
      new Variant(ParquetProperties.WriterVersion.PARQUET_1_0, false, CompressionCodecName.UNCOMPRESSED, false),
      new Variant(ParquetProperties.WriterVersion.PARQUET_2_0, true, CompressionCodecName.UNCOMPRESSED, false),
      new Variant(ParquetProperties.WriterVersion.PARQUET_2_0, false, CompressionCodecName.UNCOMPRESSED, false),
      new Variant(ParquetProperties.WriterVersion.PARQUET_1_0, false, CompressionCodecName.GZIP, true),
      new Variant(ParquetProperties.WriterVersion.PARQUET_2_0, true, CompressionCodecName.SNAPPY, true),
      new Variant(ParquetProperties.WriterVersion.PARQUET_2_0, false, CompressionCodecName.ZSTD, false));

  @BeforeAll
  static void writeTables() throws Exception {
    spark = TableFiles.writer();
    for (Variant v : VARIANTS) {
      writeParquet(v);
    }
  }

  static void writeParquet(Variant v) throws Exception {
    Path file = v.file();
    Random random = new Random(7);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withType(SCHEMA).withConf(HADOOP).withWriterVersion(v.version()).withDictionaryEncoding(v.dictionary())
        .withByteStreamSplitEncoding(v.byteStreamSplit()).withPageWriteChecksumEnabled(v.byteStreamSplit())
        .withDictionaryPageSize(512).withPageSize(1024).withRowGroupSize(16 * 1024L).withPageRowCountLimit(100)
        .withCompressionCodec(v.codec()).build()) {
      for (int i = 0; i < 3000; i++) {
        Group g = groups.newGroup();
        g.add("label", i % 3);
        if (i % 7 != 0) {
          g.add("u8", (i * 37) & 0xFF);
          g.add("u16", (i * 7919) & 0xFFFF);
          g.add("u32", i % 2 == 0 ? -1 - i : i * 1000003);
          g.add("u64", i % 2 == 0 ? -1L - i : random.nextLong());
          g.add("i8", (byte) i);
          g.add("d32", i % 5 == 0 ? -999_999_999 + i : random.nextInt() % 1_000_000_000);
          g.add("d64", random.nextLong() % 1_000_000_000_000_000_000L / (i % 3 + 1));
          g.add("dfix", Binary.fromConstantByteArray(fixed(new BigInteger(120, random).mod(BigInteger.TEN.pow(37)).subtract(BigInteger.ONE
              .shiftLeft(119)), 16)));
          g.add("dfix5", Binary.fromConstantByteArray(fixed(BigInteger.valueOf(random.nextInt() - i).multiply(BigInteger.valueOf(7)), 5)));
          g.add("dbin", Binary.fromConstantByteArray(new BigInteger(90, random).mod(BigInteger.TEN.pow(30)).negate().toByteArray()));
          g.add("f", i % 50 == 1 ? Float.NaN : i % 50 == 2 ? Float.POSITIVE_INFINITY : i % 50 == 3
              ? Float.NEGATIVE_INFINITY : i % 50 == 4 ? -0f : random.nextFloat() * 1e30f);
          g.add("dn", i % 3 == 0 ? -0.0 : random.nextGaussian() * 1e-300);
          g.add("s", "s" + (i % 5) + (i % 17 == 0 ? "é\"," : ""));
          g.add("ts", new NanoTime(2440588 + i, i * 1000L).toBinary());
          g.add("bn", i % 3 == 0);
        }
        g.add("d64r", i % 10 == 0 ? 999_999_999_999_999_999L : random.nextLong() % 1_000_000_000_000_000_000L);
        g.add("d", i % 100 == 5 ? Double.NaN : i % 100 == 6 ? Double.MAX_VALUE : random.nextDouble() * i);
        // Few values first (a dictionary), then many (a fallback to plain values mid-column).
        g.add("big", i < 1000 ? i % 4 : random.nextLong());
        if (i % 4 != 1) {
          g.add("fall", i < 1500 ? i % 3 : random.nextLong());
          g.add("sfall", i < 1500 ? "v" + (i % 3) : "w" + random.nextLong());
        }
        g.add("b", i % 3 == 1);
        if (i % 9 != 0) {
          g.addGroup("g").add("x", i);
        }
        for (int k = 0; k < i % 3; k++) {
          g.add("r", k);
        }
        g.add("after", i * 11);
        out.write(g);
      }
    }
  }

  /** {@code v} as {@code n} bytes of two's complement, big-endian. */
  static byte[] fixed(BigInteger v, int n) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[n];
    byte pad = (byte) (v.signum() < 0 ? 0xFF : 0);
    java.util.Arrays.fill(out, pad);
    System.arraycopy(b, Math.max(0, b.length - n), out, Math.max(0, n - b.length), Math.min(n, b.length));
    return out;
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void parquetOfEveryPageVersionEncodingAndNumberType() {
    for (Variant v : VARIANTS) {
      {
        // Spark's vectorized reader misreads v2's DELTA_BYTE_ARRAY pages (a FIXED_LEN_BYTE_ARRAY decimal out
        // of its type's range, a BINARY decimal as another value, a string after a dictionary's fallback as
        // garbage: parquet-hadoop's record reader agrees with ours, below) and has no BYTE_STREAM_SPLIT; Spark's
        // row reader is the reference for those.
        boolean v2 = v.version() == ParquetProperties.WriterVersion.PARQUET_2_0 || v.byteStreamSplit();
        spark.conf().set("spark.sql.parquet.enableVectorizedReader", Boolean.toString(!v2));
        try {
          same(DataFormat.PARQUET, v.file().toString(), 0);
        } finally {
          spark.conf().set("spark.sql.parquet.enableVectorizedReader", "true");
        }
      }
    }
  }

  @Test
  void csvWithBomCrlfAndOddNumbers() throws Exception {
    Path bom = tmp.resolve("bom.csv");
    Files.write(bom, ("\uFEFFx,label,y\r\n1e3,1,+5\r\n 7 ,0,0x10\r\n1_000,1,NaN\r\n-0,0,"
        + "123456789012345678901234567890\r\n4,0,\"a\\\"b\"\r\n,,\r\n").getBytes(
            StandardCharsets.UTF_8));
    same(DataFormat.CSV, bom.toString(), 0);
    Path trailing = Files.writeString(tmp.resolve("trailing.csv"), "a,label,,\n1,2,,\n3,4,5,\n\"6\",\"7\",\"\",\"\"\n"
        + "8 , 9 ,\t,\n\"a\"\"b\",1,2,3\n1,\"x\"y,2,3\n");
    same(DataFormat.CSV, trailing.toString(), 0);
    same(DataFormat.CSV, gzipped(bom).toString(), 0);
  }

  @Test
  void libsvmOddLines() throws Exception {
    Path odd = Files.writeString(tmp.resolve("odd.libsvm"), "1 1:1e400 2:-0 3:0x10p0\n"
        + "-1 1:+5 2:1d 3:NaN\n0\t\n  2 1:1:2 5:\t7\n1e3 2:.5 3:5.\n+0 1:1  2:2\n");
    same(DataFormat.LIBSVM, odd.toString(), 0);
    same(DataFormat.LIBSVM, odd.toString(), 9);
    same(DataFormat.LIBSVM, gzipped(odd).toString(), 0);
    for (String line : List.of("1 1:1 1:2", "1 0:1", "1 -1:1", "1 3:1 2:1", "1 99999999999:1", "1 1:x",
        "1\t1:2", "1 1:2\t2:3", "1 a:2", "1 1:", "1 :1", "x 1:1", "1 1")) {
      Path bad = Files.writeString(tmp.resolve("bad.libsvm"), "0 1:1\n" + line + "\n");
      UserError reference = assertThrows(UserError.class, () -> SparkTables.withReader(spark, HADOOP,
          reader -> reader.read(DataFormat.LIBSVM, bad.toString(), 0, new Trace())), line);
      UserError ours = assertThrows(UserError.class, () -> new FileTables(HADOOP).read(DataFormat.LIBSVM,
          bad.toString(), 0, new Trace()), line);
      assertFalse(ours.getMessage().contains("\n"), ours.getMessage());
      assertEquals(true, ours.getMessage().contains("line 2"), line + ": " + ours.getMessage() + " / "
          + reference.getMessage());
    }
  }

  @Test
  void parquetDecimalsAgainstParquetsOwnRecordReader() throws Exception {
    for (Variant v : VARIANTS) {
      {
        Path file = v.file();
        Trace ours = new Trace();
        new FileTables(HADOOP).read(DataFormat.PARQUET, file.toString(), 0, ours);
        List<String> expected = new ArrayList<>();
        try (var in = org.apache.parquet.hadoop.ParquetReader.builder(
            new org.apache.parquet.hadoop.example.GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
            .withConf(HADOOP).build()) {
          int row = 0;
          for (Group g = in.read(); g != null; g = in.read(), row++) {
            for (String name : SCHEMA.getFields().stream().map(f -> f.getName()).filter(List.of("dfix", "dfix5", "dbin",
                "d32", "d64", "d64r", "u64", "u32", "fall", "sfall")::contains).toList()) {
              if (g.getFieldRepetitionCount(name) == 0) {
                expected.add("row " + row + " missing " + name);
                continue;
              }
              var type = SCHEMA.getType(name).asPrimitiveType();
              String cell;
              if (name.equals("sfall")) {
                cell = "text " + name + " " + g.getString(name, 0);
              } else {
                double x = switch (name) {
                  case "dfix", "dfix5", "dbin" -> new java.math.BigDecimal(new BigInteger(g.getBinary(name, 0)
                      .getBytes()), ((org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation)
                      type.getLogicalTypeAnnotation()).getScale()).doubleValue();
                  case "d32" -> java.math.BigDecimal.valueOf(g.getInteger(name, 0), 2).doubleValue();
                  case "d64" -> java.math.BigDecimal.valueOf(g.getLong(name, 0), 4).doubleValue();
                  case "d64r" -> java.math.BigDecimal.valueOf(g.getLong(name, 0), 17).doubleValue();
                  case "u64" -> new java.math.BigDecimal(Long.toUnsignedString(g.getLong(name, 0))).doubleValue();
                  case "u32" -> Integer.toUnsignedLong(g.getInteger(name, 0));
                  default -> g.getLong(name, 0);
                };
                cell = "number " + name + " " + x + " " + Long.toHexString(Double.doubleToRawLongBits(x));
              }
              expected.add("row " + row + " " + cell);
            }
          }
        }
        List<String> actual = ours.calls.stream().filter(c -> List.of("dfix", "dfix5", "dbin", "d32", "d64", "d64r",
            "u64", "u32", "fall", "sfall").contains(c.split(" ").length > 3 ? c.split(" ")[3] : "")).toList();
        assertEquals(expected.size(), actual.size(), file.toString());
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i), file + ": " + i);
        }
      }
    }
  }

  @Test
  void brokenFilesAreOneLineErrorsNamingTheFile() throws Exception {
    Random random = new Random(3);
    byte[] garbage = new byte[5000];
    random.nextBytes(garbage);
    byte[] parquet = Files.readAllBytes(VARIANTS.get(0).file());
    byte[] framed = java.util.Arrays.copyOf("PAR1".getBytes(StandardCharsets.US_ASCII), 5000);
    System.arraycopy(garbage, 0, framed, 4, 4988);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, framed, 4996, 4);
    byte[] badFooter = parquet.clone();
    for (int i = parquet.length - 400; i < parquet.length - 8; i += 7) {
      badFooter[i] ^= 0x5A;
    }
    StringBuilder wide = new StringBuilder("label");
    for (int i = 0; i < 21000; i++) {
      wide.append(",c").append(i);
    }
    List<Object[]> cases = List.of(
        new Object[] {DataFormat.CSV, "quoted-newline.csv", "a,label\n\"1\n2\",0\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {DataFormat.CSV, "unclosed.csv", "a,label\n1,0\n\"2,0\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {DataFormat.CSV, "garbage.csv", garbage},
        new Object[] {DataFormat.CSV, "wide.csv", (wide + "\n").getBytes(StandardCharsets.UTF_8)},
        new Object[] {DataFormat.LIBSVM, "garbage.libsvm", garbage},
        new Object[] {DataFormat.PARQUET, "garbage.parquet", garbage},
        new Object[] {DataFormat.PARQUET, "framed.parquet", framed},
        new Object[] {DataFormat.PARQUET, "half.parquet", java.util.Arrays.copyOf(parquet, parquet.length / 2)},
        new Object[] {DataFormat.PARQUET, "footer.parquet", badFooter});
    for (Object[] c : cases) {
      Path file = Files.write(tmp.resolve((String) c[1]), (byte[]) c[2]);
      Trace trace = new Trace();
      trace.wantAll = true;
      UserError e = assertThrows(UserError.class, () -> new FileTables(HADOOP).read((DataFormat) c[0],
          file.toString(), 0, trace), file.toString());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertEquals(true, e.getMessage().contains((String) c[1]), e.getMessage());
    }
  }

  @Test
  void randomCsvLinesAsSparkSplitsThem() throws Exception {
    Random random = new Random(5);
    String[] pieces = {"1", "2.5", "-0", " ", "\"", "\\", ",", ",", ",", "x", "\"\"", "\\\"", "\t", "é", "\r\n", "''"};
    int errors = 0;
    for (int f = 0; f < 40; f++) {
      StringBuilder csv = new StringBuilder("a,b,label\n");
      int lines = 1 + random.nextInt(4);
      for (int n = 0; n < lines; n++) {
        StringBuilder line = new StringBuilder();
        for (int k = 0, m = 2 + random.nextInt(8); k < m; k++) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
        csv.append(random.nextInt(3) == 0 ? line : "1,2,3").append(random.nextBoolean() ? "\n" : "\r\n");
        csv.append("4,5,6\n");
      }
      Path file = Files.writeString(tmp.resolve("random-" + f + ".csv"), csv.toString());
      String reference = null;
      Trace expected = new Trace();
      try {
        SparkTables.withReader(spark, HADOOP, reader -> reader.read(DataFormat.CSV, file.toString(), 0, expected));
      } catch (UserError e) {
        reference = e.getMessage();
      }
      Trace actual = new Trace();
      String ours = null;
      try {
        new FileTables(HADOOP).read(DataFormat.CSV, file.toString(), 0, actual);
      } catch (UserError e) {
        ours = e.getMessage();
      }
      String what = file + ":\n" + csv;
      if (reference != null) {
        errors++;
        assertEquals(true, ours != null, what + "\nreference: " + reference);
        assertEquals(reference.substring(0, reference.indexOf(": the line") + 1), ours.substring(0,
            Math.min(ours.length(), reference.indexOf(": the line") + 1)), what);
      } else {
        assertEquals(null, ours, what);
      }
      assertEquals(expected.calls, actual.calls, what);
    }
    assertEquals(true, errors > 0 && errors < 40, errors + " errors");
  }

  @Test
  void randomLibsvmLinesAsSparkReadsThem() throws Exception {
    Random random = new Random(9);
    String[] pieces = {"1", "0", "-1", "2.5", " ", " ", " ", "  ", ":", "1:", "2:", "3:", "7:", "1e3", "\t", "#", "x",
        "-0", "+1", "0:", "10:", "0x1p1", "NaN", "1d", ".", "e"};
    int errors = 0;
    for (int f = 0; f < LIBSVM_FILES; f++) {
      StringBuilder text = new StringBuilder("1 1:1 2:2\n");
      StringBuilder line = new StringBuilder(random.nextBoolean() ? "1 " : "");
      for (int k = 0, m = 1 + random.nextInt(8); k < m; k++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      text.append(line).append("\n0 3:4\n");
      Path file = Files.writeString(tmp.resolve("random-" + f + ".libsvm"), text.toString());
      for (int dimension : new int[] {0, 12}) {
        Trace expected = new Trace();
        boolean reference = false;
        try {
          SparkTables.withReader(spark, HADOOP, reader -> reader.read(DataFormat.LIBSVM, file.toString(), dimension,
              expected));
        } catch (UserError e) {
          reference = true;
        }
        Trace actual = new Trace();
        String ours = null;
        try {
          new FileTables(HADOOP).read(DataFormat.LIBSVM, file.toString(), dimension, actual);
        } catch (UserError e) {
          ours = e.getMessage();
        }
        String what = "'" + line + "', dimension " + dimension + ": " + ours;
        errors += reference ? 1 : 0;
        assertEquals(reference, ours != null, what);
        if (!reference) {
          assertEquals(expected.calls, actual.calls, what);
        }
      }
    }
    assertEquals(true, errors > 0 && errors < 2 * LIBSVM_FILES, errors + " errors");
  }

  static final int LIBSVM_FILES = 40;

  /** A copy of {@code file} gzipped, named as Spark names it (.gz added). */
  static Path gzipped(Path file) throws Exception {
    Path packed = file.resolveSibling(file.getFileName() + ".gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(packed))) {
      out.write(Files.readAllBytes(file));
    }
    return packed;
  }

  static void same(DataFormat format, String path, int dimension) {
    Trace reference = new Trace();
    Trace ours = new Trace();
    int d = SparkTables.withReader(spark, HADOOP, reader -> reader.read(format, path, dimension, reference));
    int e = new FileTables(HADOOP).read(format, path, dimension, ours);
    assertEquals(d, e, path + ": the dimension");
    assertEquals(reference.calls.size(), ours.calls.size(), path);
    for (int i = 0; i < reference.calls.size(); i++) {
      assertEquals(reference.calls.get(i), ours.calls.get(i), path + ": call " + i);
    }
  }

  /** Every call, a number by its bits; every column wanted but those no label or feature can be. */
  static final class Trace implements TableSink {
    final List<String> calls = new ArrayList<>();
    List<SourceColumn> columns;
    boolean wantAll;
    private String file;
    private int rows;

    @Override
    public void beginFile(String f, List<SourceColumn> columns) {
      file = f;
      this.columns = columns;
      calls.add("begin " + columns);
    }

    @Override
    public boolean wants(int column) {
      return wantAll || columns.get(column).type() != SourceColumn.Type.OTHER;
    }

    @Override
    public void number(int column, double value) {
      calls.add("row " + rows + " number " + columns.get(column).name() + " " + value + " "
          + Long.toHexString(Double.doubleToRawLongBits(value)));
    }

    @Override
    public void text(int column, String value) {
      calls.add("row " + rows + " text " + columns.get(column).name() + " " + value);
    }

    @Override
    public void missing(int column) {
      calls.add("row " + rows + " missing " + columns.get(column).name());
    }

    @Override
    public void endRow() {
      rows++;
      calls.add("end");
    }

    @Override
    public RuntimeException rowError(String fault) {
      return new UserError(file + ": row " + (rows + 1) + ": " + fault);
    }
  }
}
