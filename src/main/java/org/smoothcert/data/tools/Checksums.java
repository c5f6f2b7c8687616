package org.smoothcert.data.tools;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/**
 * A folder's {@code SHA256SUMS} file (the format {@code sha256sum} writes and {@code sha256sum -c}
 * checks: 64 hex digits, two spaces, a file name) held against the files beside it.
 */
public final class Checksums {
  public static final String FILE_NAME = "SHA256SUMS";

  /** One listed file: the sum the list gives, the sum its bytes have now. */
  public record Entry(String name, String expected, String actual) {
    public boolean matches() {
      return expected.equals(actual);
    }
  }

  private Checksums() {}

  /** Every file the folder's SHA256SUMS lists, with its expected and actual sum, in the list's order. */
  public static List<Entry> check(Path dir, Configuration conf) {
    Path list = new Path(dir, FILE_NAME);
    String text = HadoopFiles.readText(list, conf);
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.matches("[0-9a-f]{64} [ *][^/\\\\]+")) {
        throw new UserError(list + ": line " + (i + 1) + " is not '<64 hex digits>  <file name>': " + line);
      }
      String name = line.substring(66);
      Path file = new Path(dir, name);
      if (HadoopFiles.statusOrNull(file, conf) == null) {
        throw new UserError(list + ": line " + (i + 1) + " names " + name + ", which is not in " + dir);
      }
      entries.add(new Entry(name, line.substring(0, 64), HadoopFiles.sha256(file, conf)));
    }
    if (entries.isEmpty()) {
      throw new UserError(list + ": lists no file");
    }
    return entries;
  }
}
