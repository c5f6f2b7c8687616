package org.smoothcert.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;
import static org.smoothcert.data.idx.IdxFixtures.cyclingLabels;
import static org.smoothcert.data.idx.IdxFixtures.file;
import static org.smoothcert.data.idx.IdxFixtures.images;
import static org.smoothcert.data.idx.IdxFixtures.labels;
import static org.smoothcert.data.idx.IdxFixtures.split;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.Split;

class MnistFolderTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void findsBothSplitsPlainOrGzip() {
    split(tmp, Split.TRAIN, cyclingLabels(30, 10), true);
    split(tmp, Split.TEST, cyclingLabels(20, 10), false);
    MnistFolder folder = MnistFolder.find(tmp.toString(), CONF);

    assertEquals(List.of(Split.TRAIN, Split.TEST), folder.splits().stream().map(SplitFiles::split).toList());
    assertEquals("train-images-idx3-ubyte.gz", folder.splits().get(0).images().getName());
    assertEquals("t10k-labels-idx1-ubyte", folder.splits().get(1).labels().getName());
    List<LabelledImages> read = folder.readAll(CONF, 10);
    assertEquals(30, read.get(0).count());
    assertEquals(20, read.get(1).count());
    assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, read.get(0).countsPerLabel());
    assertEquals(7, read.get(1).label(17));
  }

  @Test
  void oneSplitIsEnough() {
    split(tmp, Split.TEST, cyclingLabels(20, 10), true);
    MnistFolder folder = MnistFolder.find(tmp.toString(), CONF);
    assertEquals(List.of(Split.TEST), folder.splits().stream().map(SplitFiles::split).toList());
  }

  @Test
  void imagesWithoutLabelsNameTheMissingFile() {
    split(tmp, Split.TEST, cyclingLabels(20, 10), true);
    file(tmp, Split.TRAIN.imagesFileName(), images(0, 2, 3, new byte[0]));
    assertError("has train-images-idx3-ubyte but not train-labels-idx1-ubyte[.gz]");
  }

  @Test
  void labelsWithoutImagesNameTheMissingFile() {
    file(tmp, Split.TEST.labelsFileName() + ".gz", labels(new byte[0]));
    assertError("has t10k-labels-idx1-ubyte.gz but not t10k-images-idx3-ubyte[.gz]");
  }

  @Test
  void plainAndGzipOfOneFileAreAmbiguous() {
    split(tmp, Split.TRAIN, cyclingLabels(20, 10), true);
    split(tmp, Split.TRAIN, cyclingLabels(20, 10), false);
    assertError("has both train-images-idx3-ubyte and train-images-idx3-ubyte.gz");
  }

  @Test
  void aFolderWithoutMnistFilesIsAnError() throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "nothing here");
    assertError("no MNIST files found");
  }

  @Test
  void aMissingFolderOrAFileIsAnError() throws Exception {
    UserError missing = assertThrows(UserError.class,
        () -> MnistFolder.find(tmp.resolve("absent").toString(), CONF));
    assertTrue(missing.getMessage().endsWith("absent: no such folder"), missing.getMessage());
    Files.writeString(tmp.resolve("a-file"), "x");
    UserError file = assertThrows(UserError.class,
        () -> MnistFolder.find(tmp.resolve("a-file").toString(), CONF));
    assertTrue(file.getMessage().contains("a-file: is a file"), file.getMessage());
  }

  @Test
  void splitsMustHaveTheSameImageSize() {
    split(tmp, Split.TRAIN, cyclingLabels(20, 10), true);
    file(tmp, Split.TEST.imagesFileName(), images(1, 3, 2, new byte[6]));
    file(tmp, Split.TEST.labelsFileName(), labels(new byte[1]));
    MnistFolder folder = MnistFolder.find(tmp.toString(), CONF);
    UserError e = assertThrows(UserError.class, () -> folder.readAll(CONF, 10));
    assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte: images are 3x2 pixels, expected 2x3"),
        e.getMessage());
  }

  @Test
  void imagesAndLabelsMustPairUp() {
    file(tmp, Split.TRAIN.imagesFileName(), images(2, 2, 3, new byte[12]));
    file(tmp, Split.TRAIN.labelsFileName(), labels(new byte[3]));
    MnistFolder folder = MnistFolder.find(tmp.toString(), CONF);
    UserError e = assertThrows(UserError.class, () -> folder.readAll(CONF, 10));
    assertTrue(e.getMessage().matches(".*train-labels-idx1-ubyte: 3 labels, but .*train-images-idx3-ubyte has 2"
        + " images.*"), e.getMessage());
  }

  @Test
  void aLabelOutsideTheSourceClassesIsAnError() {
    split(tmp, Split.TRAIN, cyclingLabels(20, 10), true);
    MnistFolder folder = MnistFolder.find(tmp.toString(), CONF);
    UserError e = assertThrows(UserError.class, () -> folder.readAll(CONF, 5));
    assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz: label 5 of example 5 is out of range: the"
        + " source has 5 classes"), e.getMessage());
  }

  private void assertError(String fault) {
    UserError e = assertThrows(UserError.class, () -> MnistFolder.find(tmp.toString(), CONF));
    assertTrue(e.getMessage().startsWith("file:" + tmp), e.getMessage());
    assertTrue(e.getMessage().contains(fault), e.getMessage());
  }
}
