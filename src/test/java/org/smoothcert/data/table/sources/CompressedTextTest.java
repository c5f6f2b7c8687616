package org.smoothcert.data.table.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/**
 * A CSV or LibSVM file compressed as Spark writes it (part-00000.csv.gz, or .bz2, .deflate) reads as
 * Spark reads it, through the codec its name ends with: the same cells as the file uncompressed.
 */
class CompressedTextTest {
  static final Configuration HADOOP = new Configuration();
  static final String CSV = "x,y,label\n1,2.5,0\n-3,1e3,1\n\"4\",,1\n";
  static final String LIBSVM = "0 1:0.5 3:2\n1 2:1e-3\n# comment\n1 4:-2\n";

  @TempDir
  Path tmp;

  @Test
  void gzipBzip2AndDeflateFilesReadAsTheirText() throws Exception {
    for (String extension : List.of(".gz", ".bz2", ".deflate")) {
      same(DataFormat.CSV, CSV, "t.csv", extension);
      same(DataFormat.LIBSVM, LIBSVM, "t.libsvm", extension);
    }
  }

  @Test
  void aCodecThatCannotReadIsAOneLineErrorNamingTheFile() throws Exception {
    for (String name : List.of("t.libsvm.zst", "t.csv.zst", "t.libsvm.gz", "t.csv.bz2", "t.libsvm.lz4", "t.libsvm.bz2",
        "t.libsvm.deflate", "t.csv.snappy", "t.libsvm.snappy", "t.csv.lz4")) {
      Path file = Files.writeString(tmp.resolve(name), "not compressed at all\n1 1:2\n");
      DataFormat format = name.contains(".csv") ? DataFormat.CSV : DataFormat.LIBSVM;
      String message = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
          () -> new FileTables(HADOOP).read(format, file.toString(), 0, new Calls()), name).getMessage();
      org.junit.jupiter.api.Assertions.assertTrue(message.contains(name) && !message.contains("\n"), message);
    }
  }

  private void same(DataFormat format, String text, String name, String extension) throws Exception {
    Path plain = Files.writeString(tmp.resolve(name), text);
    Path packed = tmp.resolve(name + extension);
    try (OutputStream out = compressed(packed, extension)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Calls expected = new Calls();
    Calls actual = new Calls();
    int d = new FileTables(HADOOP).read(format, plain.toString(), 0, expected);
    int e = new FileTables(HADOOP).read(format, packed.toString(), 0, actual);
    assertEquals(d, e, packed.toString());
    assertEquals(expected.calls, actual.calls, packed.toString());
  }

  private static OutputStream compressed(Path file, String extension) throws Exception {
    OutputStream out = Files.newOutputStream(file);
    return switch (extension) {
      case ".gz" -> new GZIPOutputStream(out);
      case ".deflate" -> new java.util.zip.DeflaterOutputStream(out);
      default -> org.apache.hadoop.util.ReflectionUtils.newInstance(org.apache.hadoop.io.compress.BZip2Codec.class,
          HADOOP).createOutputStream(out);
    };
  }

  /** Every call but the file's name. */
  static final class Calls implements TableSink {
    final List<String> calls = new ArrayList<>();

    @Override
    public void beginFile(String file, List<SourceColumn> columns) {
      calls.add("begin " + columns);
    }

    @Override
    public boolean wants(int column) {
      return true;
    }

    @Override
    public void number(int column, double value) {
      calls.add(column + " " + value);
    }

    @Override
    public void text(int column, String value) {
      calls.add(column + " '" + value + "'");
    }

    @Override
    public void missing(int column) {
      calls.add(column + " missing");
    }

    @Override
    public void endRow() {
      calls.add("end");
    }

    @Override
    public RuntimeException rowError(String fault) {
      return new UserError(fault);
    }
  }
}
