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
        () -> new FileTables(new Configuration()).read(DataFormat.LIBSVM, file.toString(), 0, new CountingSink(column -> false))));
    assertTrue(e.getMessage().contains(file + ": line 2: index 100000000 is above 1000000"), e.getMessage());
  }
}
