package org.smoothcert.data.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.data.Cells;
import org.smoothcert.io.HadoopFiles;

/**
 * The checked-in data/breast-cancer and data/optical-digits: each file has the sum its SHA256SUMS gives
 * and its README gives too, and the table is what its README says (rows, columns, rows per class).
 */
class ShippedTablesTest {
  private static final Path DATA = Path.of(System.getProperty("smoothcert.basedir", "."), "data");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "breast-cancer  | 569  | 30 | diagnosis | benign=357 malignant=212",
      "optical-digits | 1797 | 64 | digit     | 0=178 1=182 2=177 3=183 4=181 5=182 6=181 7=179 8=174 9=180",
  })
  void theShippedTableMatchesItsSumsAndItsReadme(String name, int rows, int features, String label, String perClass)
      throws IOException {
    Path folder = DATA.resolve(name);
    List<Checksums.Entry> entries = Checksums.check(HadoopFiles.resolve(folder.toString(), CONF), CONF);
    assertEquals(List.of(name + ".csv"), entries.stream().map(Checksums.Entry::name).toList());
    Checksums.Entry csv = entries.get(0);
    assertTrue(csv.matches(), csv.toString());
    Path file = folder.resolve(csv.name());
    String readme = Files.readString(folder.resolve("README.md"));
    assertTrue(readme.contains("| " + csv.name() + " | " + Files.size(file) + " | " + csv.actual() + " |"),
        "README's row of " + csv.name());

    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",");
    assertEquals(features + 1, header.length);
    assertEquals(label, header[features]);
    assertEquals(rows, lines.size() - 1);
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(features + 1, cells.length, line);
      for (int j = 0; j < features; j++) {
        assertTrue(Double.isFinite(Cells.number(cells[j])), line);
      }
      counts.merge(cells[features], 1, Integer::sum);
    }
    StringBuilder got = new StringBuilder();
    counts.forEach((k, v) -> got.append(got.length() == 0 ? "" : " ").append(k).append('=').append(v));
    assertEquals(perClass, got.toString());
    counts.forEach((k, v) -> assertTrue(readme.contains("| " + k + " | " + v + " |"), "README's count of " + k));
  }
}
