package org.smoothcert.data.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.DigitSelection;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.data.idx.RealMnistTest;
import org.smoothcert.io.HadoopFiles;

/** The checked-in data/mnist-1-7: its files match its README, and it is what the tool makes from MNIST. */
class ShippedExtractTest {
  private static final Path SHIPPED = Path.of(System.getProperty("smoothcert.basedir"), "data", "mnist-1-7");
  private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  @TempDir Path tmp;

  private static Map<String, ExtractReadmeFiles.Row> readmeRows() throws IOException {
    return ExtractReadmeFiles.rows(Files.readString(SHIPPED.resolve("README.md")));
  }

  @Test
  void filesMatchTheSizesAndChecksumsInTheReadme() throws IOException {
    Map<String, ExtractReadmeFiles.Row> rows = readmeRows();
    assertEquals(FILES, List.copyOf(rows.keySet()));
    for (String name : FILES) {
      Path file = SHIPPED.resolve(name);
      assertEquals(rows.get(name).bytes(), Files.size(file), name);
      assertEquals(rows.get(name).sha256(), ExtractReadmeFiles.sha256(file), name);
      assertEquals(rows.get(name).idxSha256(), ExtractReadmeFiles.sha256OfDecompressed(file), name);
    }
  }

  @Test
  void holdsTheOnesAndSevensOfMnistWithOriginalLabelsAndPixels() throws IOException {
    List<LabelledImages> splits = MnistFolder.find(SHIPPED.toString(), CONF).readAll(CONF, 10);
    assertArrayEquals(new int[] {0, 6742, 0, 0, 0, 0, 0, 6265, 0, 0}, splits.get(0).countsPerLabel());
    assertArrayEquals(new int[] {0, 1135, 0, 0, 0, 0, 0, 1028, 0, 0}, splits.get(1).countsPerLabel());
    boolean[] seen = new boolean[256];
    for (byte pixel : splits.get(0).images().pixels()) {
      seen[pixel & 0xFF] = true;
    }
    assertTrue(seen[0] && seen[77] && seen[128] && seen[255], "raw grey levels, not binarized");
    String readme = Files.readString(SHIPPED.resolve("README.md"));
    assertTrue(readme.contains("| train | 6742 | 6265 | 13007 |"), readme);
    assertTrue(readme.contains("| test | 1135 | 1028 | 2163 |"), readme);
  }

  @Test
  void binarizedItHasTheReadmesInkShare() {
    DataSample all = MnistData.load(
        DataSpec.paper(SHIPPED.toString(), 1).withSizes(DataSpec.Sizes.of(13007, 2163)), CONF);
    assertEquals("9.55", RealMnistTest.percent(all.train(), -1, 2));
    assertEquals("9.59", RealMnistTest.percent(all.test(), -1, 2));
  }

  @Test
  void extractingMnistAgainGivesTheSameIdxBytes() throws IOException {
    Path again = tmp.resolve("again");
    MnistExtract.extract(MnistFolder.find(RealMnistTest.MNIST_DIR, CONF), DigitSelection.parse("1,7", 10, "-"),
        HadoopFiles.resolve(again.toString(), CONF), "test", CONF);
    Map<String, ExtractReadmeFiles.Row> rows = readmeRows();
    for (String name : FILES) {
      // Compared decompressed: the gzip bytes may differ under another zlib, the IDX bytes may not.
      assertEquals(rows.get(name).idxSha256(), ExtractReadmeFiles.sha256OfDecompressed(again.resolve(name)),
          name);
    }
  }
}
