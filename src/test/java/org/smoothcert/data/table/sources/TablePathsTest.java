package org.smoothcert.data.table.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.table.SourceColumn;
import org.smoothcert.data.table.TableSink;

/** A table's path is taken literally: characters Hadoop would glob ([ ] { } * ?) name themselves. */
class TablePathsTest {
  @TempDir
  Path tmp;

  /** The labels read, in order, with the files they came from. */
  private static final class Labels implements TableSink {
    final List<String> files = new ArrayList<>();
    final List<Double> labels = new ArrayList<>();

    @Override
    public void beginFile(String file, List<SourceColumn> columns) {
      files.add(file);
    }

    @Override
    public boolean wants(int column) {
      return column == 0;
    }

    @Override
    public void number(int column, double value) {
      if (column == 0) {
        labels.add(value);
      }
    }

    @Override
    public void text(int column, String value) {
      if (column == 0) {
        labels.add(Double.parseDouble(value));
      }
    }

    @Override
    public void missing(int column) {}

    @Override
    public void endRow() {}

    @Override
    public RuntimeException rowError(String fault) {
      return new IllegalStateException(fault);
    }
  }

  private Labels read(DataFormat format, Path file) {
    Labels sink = new Labels();
    new FileTables(new Configuration()).read(format, file.toString(), 0, sink);
    return sink;
  }

  @Test
  void aPathWithGlobCharactersNamesThatFileNotAnother() throws Exception {
    Path g = Files.createDirectories(tmp.resolve("g"));
    Files.writeString(g.resolve("bc[1].csv"), "label,x\n0,1\n");
    Files.writeString(g.resolve("bc1.csv"), "label,x\n1,0\n1,0\n");
    Files.writeString(g.resolve("s{1,2}.svm"), "0 1:1\n");
    Files.writeString(g.resolve("s1.svm"), "1 1:1\n1 2:1\n");
    Files.writeString(g.resolve("s2.svm"), "1 1:1\n");

    Labels csv = read(DataFormat.CSV, g.resolve("bc[1].csv"));
    assertEquals(List.of(0.0), csv.labels);
    Labels svm = read(DataFormat.LIBSVM, g.resolve("s{1,2}.svm"));
    assertEquals(List.of(0.0), svm.labels);
  }

  /**
   * A folder holding a folder: its rows are not left out unsaid (Spark's reader of the folder would
   * read them, or refuse the layout); _ and . folders (_temporary, .spark-staging) are left out.
   */
  @Test
  void aSubfolderIsRefusedNotSkipped() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("t.libsvm"));
    Files.writeString(folder.resolve("a.libsvm"), "0 1:1\n");
    Files.createDirectories(folder.resolve("_temporary"));
    Files.createDirectories(folder.resolve(".spark-staging"));
    assertEquals(1, TablePaths.files(folder.toString(), new Configuration()).size());
    Files.writeString(Files.createDirectories(folder.resolve("more")).resolve("b.libsvm"), "1 1:1\n");
    String message = org.junit.jupiter.api.Assertions.assertThrows(org.smoothcert.UserError.class,
        () -> TablePaths.files(folder.toString(), new Configuration())).getMessage();
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("more"), message);
  }
}
