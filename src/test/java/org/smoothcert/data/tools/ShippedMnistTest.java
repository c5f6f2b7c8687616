package org.smoothcert.data.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.io.HadoopFiles;

/** The checked-in data/mnist: its SHA256SUMS holds for every file, and its README gives the same sums. */
class ShippedMnistTest {
  private static final Path SHIPPED = Path.of(System.getProperty("smoothcert.basedir", "."), "data", "mnist");
  private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  @Test
  void everyFileHasTheSumItsListGives() {
    List<Checksums.Entry> entries = Checksums.check(HadoopFiles.resolve(SHIPPED.toString(), CONF), CONF);
    assertEquals(FILES, entries.stream().map(Checksums.Entry::name).toList());
    for (Checksums.Entry e : entries) {
      assertTrue(e.matches(), e.toString());
    }
  }

  @Test
  void theReadmeGivesTheSameSumsAndSizes() throws IOException {
    String readme = Files.readString(SHIPPED.resolve("README.md"));
    for (Checksums.Entry e : Checksums.check(HadoopFiles.resolve(SHIPPED.toString(), CONF), CONF)) {
      Path file = SHIPPED.resolve(e.name());
      String row = "| " + e.name() + " | ";
      int at = readme.indexOf(row);
      assertTrue(at >= 0, "no README row for " + e.name());
      String line = readme.substring(at, readme.indexOf('\n', at));
      assertTrue(line.contains("| " + Files.size(file) + " | " + e.actual() + " | "
          + ExtractReadmeFiles.sha256OfDecompressed(file) + " |"), line);
    }
  }
}
