package org.smoothcert.data.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;
import static org.smoothcert.data.idx.IdxFixtures.cyclingLabels;
import static org.smoothcert.data.idx.IdxFixtures.split;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.Split;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.data.idx.SplitFiles;
import org.smoothcert.io.HadoopFiles;

class MnistExtractTest {
  private static final String COMMAND = "smoothcert data extract --digits 7,1 --from in --to out";

  @TempDir java.nio.file.Path tmp;
  private java.nio.file.Path in;
  private java.nio.file.Path out;

  /** Train: 205 examples (21 ones, 20 sevens); test: 100 (10 of each digit), plain IDX. */
  @BeforeEach
  void source() {
    in = tmp.resolve("in");
    out = tmp.resolve("out");
    split(in, Split.TRAIN, cyclingLabels(205, 10), true);
    split(in, Split.TEST, cyclingLabels(100, 10), false);
  }

  private List<MnistExtract.WrittenSplit> extract(String digits) {
    return MnistExtract.extract(MnistFolder.find(in.toString(), CONF),
        DigitSelection.parse(digits, 10, "--digits"), HadoopFiles.resolve(out.toString(), CONF), COMMAND, CONF);
  }

  @Test
  void keepsOriginalPixelsAndLabelsOfTheChosenDigitsInSourceOrder() {
    List<MnistExtract.WrittenSplit> written = extract("7,1");
    assertEquals(List.of(20, 21), written.get(0).countsPerDigit(), "in the order of --digits: 7 then 1");
    assertEquals(41, written.get(0).total());
    assertEquals(List.of(10, 10), written.get(1).countsPerDigit());

    List<LabelledImages> read = MnistFolder.find(out.toString(), CONF).readAll(CONF, 10);
    assertEquals(List.of(Split.TRAIN, Split.TEST), read.stream().map(LabelledImages::split).toList());
    for (LabelledImages split : read) {
      int previousSource = -1;
      for (int i = 0; i < split.count(); i++) {
        int source = split.images().pixel(i, 0) + 256 * split.images().pixel(i, 1);
        assertTrue(source > previousSource, "source order");
        previousSource = source;
        assertEquals(source % 10, split.label(i), "original label");
        assertTrue(split.label(i) == 1 || split.label(i) == 7);
        assertEquals(128, split.images().pixel(i, 4), "original pixel, not binarized");
      }
    }
    assertEquals(41, read.get(0).count());
    assertEquals(20, read.get(1).count());
  }

  @Test
  void theReadmeGivesProvenanceCountsAndChecksumsOfWhatIsThere() throws IOException {
    extract("7,1");
    try (Stream<java.nio.file.Path> files = Files.list(out)) {
      assertEquals(List.of("README.md", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
          "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "no .crc, no temporary file");
    }
    String readme = Files.readString(out.resolve("README.md"));
    assertTrue(readme.startsWith("# MNIST digits 7 and 1: original images and labels"), readme);
    assertTrue(readme.contains("```\n" + COMMAND + "\n```"), readme);
    assertTrue(readme.contains("| split | digit 7 | digit 1 | total |"), readme);
    assertTrue(readme.contains("| train | 20 | 21 | 41 |"), readme);
    assertTrue(readme.contains("| test | 10 | 10 | 20 |"), readme);
    assertTrue(readme.contains("| train-images-idx3-ubyte.gz | "
        + ExtractReadmeFiles.sha256(in.resolve("train-images-idx3-ubyte.gz")) + " |"), readme);
    assertTrue(readme.contains("| t10k-labels-idx1-ubyte | "
        + ExtractReadmeFiles.sha256(in.resolve("t10k-labels-idx1-ubyte")) + " |"), readme);
    assertTrue(readme.contains("Yann LeCun, Corinna Cortes and Christopher J.C. Burges"), readme);
    assertTrue(readme.contains("CC BY-SA 3.0"), readme);

    Map<String, ExtractReadmeFiles.Row> rows = ExtractReadmeFiles.rows(readme);
    assertEquals(4, rows.size(), readme);
    for (Map.Entry<String, ExtractReadmeFiles.Row> row : rows.entrySet()) {
      java.nio.file.Path file = out.resolve(row.getKey());
      assertEquals(Files.size(file), row.getValue().bytes(), row.getKey());
      assertEquals(ExtractReadmeFiles.sha256(file), row.getValue().sha256(), row.getKey());
      assertEquals(ExtractReadmeFiles.sha256OfDecompressed(file), row.getValue().idxSha256(), row.getKey());
    }
  }

  @Test
  void extractsEverySplitThereIs() throws IOException {
    java.nio.file.Path testOnly = tmp.resolve("test-only");
    split(testOnly, Split.TEST, cyclingLabels(30, 10), true);
    List<MnistExtract.WrittenSplit> written = MnistExtract.extract(MnistFolder.find(testOnly.toString(), CONF),
        DigitSelection.parse("3", 10, "--digits"), HadoopFiles.resolve(out.toString(), CONF), COMMAND, CONF);
    assertEquals(1, written.size());
    assertEquals(List.of(3), written.get(0).countsPerDigit());
    assertTrue(Files.readString(out.resolve("README.md")).startsWith("# MNIST digit 3:"));
    assertEquals(List.of(Split.TEST), MnistFolder.find(out.toString(), CONF).splits().stream()
        .map(SplitFiles::split).toList());
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.txt"), "x");
    UserError e = assertThrows(UserError.class, () -> extract("1,7"));
    assertEquals("file:" + out + ": is not empty; extract into a new or empty folder", e.getMessage());
    UserError same = assertThrows(UserError.class, () -> MnistExtract.extract(
        MnistFolder.find(in.toString(), CONF),
        DigitSelection.parse("1", 10, "--digits"), HadoopFiles.resolve(in.toString(), CONF), COMMAND, CONF));
    assertTrue(same.getMessage().endsWith("in: is not empty; extract into a new or empty folder"),
        same.getMessage());
  }
}
