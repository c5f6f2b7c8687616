package org.smoothcert.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.smoothcert.UserError;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.Split;

/** The real MNIST files (system property smoothcert.mnist.dir) against the figures of their README. */
public class RealMnistTest {
  public static final String MNIST_DIR = System.getProperty("smoothcert.mnist.dir");

  @Test
  void classCountsMatchTheReadme() {
    List<LabelledImages> splits = MnistFolder.find(MNIST_DIR, CONF).readAll(CONF, 10);
    assertEquals(List.of(Split.TRAIN, Split.TEST), splits.stream().map(LabelledImages::split).toList());
    assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
        splits.get(0).countsPerLabel());
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
        splits.get(1).countsPerLabel());
    assertEquals(new ImageShape(28, 28), splits.get(0).images().shape());
    assertEquals(new ImageShape(28, 28), splits.get(1).images().shape());
  }

  @Test
  void binarizedOnesAndSevensHaveTheReadmesInkShare() {
    // All of them: the whole pool drawn, in a shuffled order that does not change a share.
    DataSample all = MnistData.load(DataSpec.paper(MNIST_DIR, 1).withSizes(DataSpec.Sizes.of(13007, 2163)), CONF);
    assertEquals(List.of(6742, 6265), all.provenance().train().drawnPerClass());
    assertEquals(List.of(1135, 1028), all.provenance().test().drawnPerClass());
    assertEquals("9.55", percent(all.train(), -1, 2));
    assertEquals("9.59", percent(all.test(), -1, 2));
    assertEquals("7.7", percent(all.train(), 0, 1));
    assertEquals("11.6", percent(all.train(), 1, 1));
  }

  @Test
  void thePapersSampleHasThePapersShape() {
    DataSample sample = MnistData.load(DataSpec.paper(MNIST_DIR, 2020), CONF);
    assertEquals(new Examples(100, 784, 2, 2, new byte[100 * 784], new byte[100]).toString(),
        sample.train().toString());
    assertEquals(1000, sample.test().count());
    assertEquals(List.of(6742, 6265), sample.provenance().train().availablePerClass());
    assertEquals(46993, sample.provenance().train().otherDigits());
    assertEquals(100, sample.provenance().train().drawnPerClass().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void askingForMoreThanThereIsSaysHowManyThereAre() {
    UserError e = assertThrows(UserError.class, () -> MnistData.load(
        DataSpec.paper(MNIST_DIR, 1).withSizes(DataSpec.Sizes.of(13008, 1000)), CONF));
    assertTrue(e.getMessage().startsWith("data.train-size = 13008, but the train split has only 13007"
        + " examples of digits 1,7 (1: 6742, 7: 6265)"), e.getMessage());
  }

  /** The share of features at level 1, over the examples of one class (or all with -1), in percent. */
  public static String percent(Examples examples, int onlyClass, int decimals) {
    long on = 0;
    long total = 0;
    for (int i = 0; i < examples.count(); i++) {
      if (onlyClass >= 0 && examples.label(i) != onlyClass) {
        continue;
      }
      for (int j = 0; j < examples.dim(); j++) {
        on += examples.feature(i, j);
      }
      total += examples.dim();
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", 100.0 * on / total);
  }
}
