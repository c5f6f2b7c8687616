package org.smoothcert.data.table.sources;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;

/** A LibSVM index far beyond any table's width is named with its line at once, not allocated for. */
class LibsvmHugeIndexTest {
  @TempDir
  Path tmp;

  @Test
  void anIndexOfAHundredMillionIsRefusedNamingItsLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("huge.svm"), "0 1:1 2:1\n1 1:1 100000000:1\n");
    UserError e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(UserError.class,
        () -> new FileTables(new Configuration()).read(DataFormat.LIBSVM, file.toString(), 0, new NoRows())));
    assertTrue(e.getMessage().contains(file + ": line 2: index 100000000 is above 1000000"), e.getMessage());
  }

  /** A sink that takes nothing: the refusal comes before any row. */
  private static final class NoRows implements org.smoothcert.data.table.TableSink {
    @Override
    public void beginFile(String f, java.util.List<org.smoothcert.data.table.SourceColumn> columns) {}

    @Override
    public boolean wants(int column) {
      return false;
    }

    @Override
    public void number(int column, double value) {}

    @Override
    public void text(int column, String value) {}

    @Override
    public void missing(int column) {}

    @Override
    public void endRow() {}

    @Override
    public RuntimeException rowError(String fault) {
      return new UserError(fault);
    }
  }
}
