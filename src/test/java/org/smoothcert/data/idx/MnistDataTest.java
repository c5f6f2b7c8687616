package org.smoothcert.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;
import static org.smoothcert.data.idx.IdxFixtures.cyclingLabels;
import static org.smoothcert.data.idx.IdxFixtures.split;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.Provenance;
import org.smoothcert.data.Split;

/** Sampling and preprocessing on small synthetic splits whose pixels encode the source example. */
class MnistDataTest {
  private static final List<Integer> ONE_SEVEN = List.of(1, 7);

  @TempDir java.nio.file.Path tmp;
  private java.nio.file.Path both;
  private java.nio.file.Path trainOnly;

  /** Train: 200 examples, 20 of each digit; test: 100, 10 of each. */
  @BeforeEach
  void folders() {
    both = tmp.resolve("both");
    split(both, Split.TRAIN, cyclingLabels(200, 10), true);
    split(both, Split.TEST, cyclingLabels(100, 10), false);
    trainOnly = tmp.resolve("train-only");
    split(trainOnly, Split.TRAIN, cyclingLabels(200, 10), true);
  }

  private DataSample load(java.nio.file.Path dir, List<Integer> digits, int train, int test, int levels,
      long seed) {
    return MnistData.load(new DataSpec(DataSpec.Source.mnist(dir.toString(), digits), DataSpec.Sizes.of(train, test),
        levels, seed), CONF);
  }

  @Test
  void rowsAreTheDrawnSourceExamplesRelabelledInTheOrderOfTheDigits() {
    DataSample sample = load(both, List.of(7, 1), 30, 12, 256, 5);
    checkRows(sample.train(), sample.provenance(), sample.provenance().train());
    checkRows(sample.test(), sample.provenance(), sample.provenance().test());
    assertEquals(0, sample.provenance().digits().indexOf(7), "7 is class 0");
    assertEquals(30, sample.train().count());
    assertEquals(12, sample.test().count());
    assertEquals(6, sample.train().dim());
    assertEquals(256, sample.train().domains().uniform());
    assertEquals(2, sample.train().classes());
  }

  /**
   * Row r is source example sourceIndices[r] (its pixels 0 and 1 say which, pixel 2 its digit), and its
   * label is the digit's place in the list of digits.
   */
  private static void checkRows(Examples examples, Provenance provenance, Provenance.Side side) {
    List<Integer> sources = side.sourceIndices();
    assertEquals(examples.count(), sources.size());
    assertEquals(sources.size(), new HashSet<>(sources).size(), "no example twice");
    int[] drawnPerClass = new int[2];
    for (int r = 0; r < examples.count(); r++) {
      int source = sources.get(r);
      assertEquals(source, examples.feature(r, 0) + 256 * examples.feature(r, 1));
      int digit = examples.feature(r, 2);
      assertEquals(source % 10, digit);
      assertEquals(provenance.digits().indexOf(digit), examples.label(r));
      drawnPerClass[examples.label(r)]++;
    }
    assertEquals(List.of(drawnPerClass[0], drawnPerClass[1]), side.drawnPerClass());
  }

  @Test
  void provenanceSaysWhereEachSideCameFrom() {
    Provenance p = load(both, ONE_SEVEN, 30, 12, 2, 5).provenance();
    assertEquals("file:" + both, p.dir());
    assertEquals(ONE_SEVEN, p.digits());
    assertEquals(2, p.levels());
    assertEquals(5, p.seed());
    assertEquals(false, p.oneSplit());
    assertEquals(Split.TRAIN, p.train().split());
    assertEquals(Split.TEST, p.test().split());
    assertEquals("file:" + both + "/train-images-idx3-ubyte.gz", p.train().imagesFile());
    assertEquals("file:" + both + "/t10k-labels-idx1-ubyte", p.test().labelsFile());
    assertEquals(List.of(20, 20), p.train().availablePerClass());
    assertEquals(List.of(10, 10), p.test().availablePerClass());
    assertEquals(160, p.train().otherDigits());
    assertEquals(80, p.test().otherDigits());
  }

  @Test
  void pixelsAreQuantizedToTheLevels() {
    // Pixels 3 to 5 of every synthetic image are 0, 128 and 255.
    Examples binary = load(both, ONE_SEVEN, 10, 10, 2, 1).train();
    Examples four = load(both, ONE_SEVEN, 10, 10, 4, 1).train();
    for (int r = 0; r < 10; r++) {
      assertEquals(List.of(0, 1, 1), List.of(binary.feature(r, 3), binary.feature(r, 4), binary.feature(r, 5)));
      assertEquals(List.of(0, 2, 3), List.of(four.feature(r, 3), four.feature(r, 4), four.feature(r, 5)));
    }
    assertEquals(2, binary.domains().uniform());
    assertEquals(4, four.domains().uniform());
  }

  @Test
  void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
    DataSample first = load(both, ONE_SEVEN, 20, 10, 2, 42);
    DataSample again = load(both, ONE_SEVEN, 20, 10, 2, 42);
    DataSample other = load(both, ONE_SEVEN, 20, 10, 2, 43);
    assertEquals(first.train(), again.train());
    assertEquals(first.test(), again.test());
    assertEquals(first.provenance(), again.provenance());
    assertNotEquals(first.provenance().train().sourceIndices(), other.provenance().train().sourceIndices());
    assertNotEquals(first.provenance().test().sourceIndices(), other.provenance().test().sourceIndices());
  }

  @Test
  void aSeedDrawsAFixedSampleOnAnyJvm() {
    // Pinned: SplitMix64 and the partial Fisher-Yates shuffle are this repo's own code, not the JDK's.
    DataSample sample = load(both, ONE_SEVEN, 5, 3, 2, 2020);
    assertEquals(List.of(137, 111, 101, 167, 71), sample.provenance().train().sourceIndices());
    assertEquals(List.of(57, 81, 47), sample.provenance().test().sourceIndices());
  }

  @Test
  void withOneSplitTrainAndTestAreDrawnDisjointlyFromIt() {
    DataSample sample = load(trainOnly, ONE_SEVEN, 15, 25, 256, 8);
    Provenance p = sample.provenance();
    assertTrue(p.oneSplit());
    assertEquals(Split.TRAIN, p.train().split());
    assertEquals(Split.TRAIN, p.test().split());
    Set<Integer> all = new HashSet<>(p.train().sourceIndices());
    all.addAll(p.test().sourceIndices());
    assertEquals(40, all.size(), "15 + 25 distinct examples: all 40 ones and sevens");
    checkRows(sample.train(), p, p.train());
    checkRows(sample.test(), p, p.test());
    // The training draw does not depend on the test size.
    assertEquals(p.train().sourceIndices(), load(trainOnly, ONE_SEVEN, 15, 3, 256, 8)
        .provenance().train().sourceIndices());
  }

  private DataSample withValidation(java.nio.file.Path dir, int train, int test, int validation, long seed,
      CertifiedPoints certified) {
    return MnistData.load(new DataSpec(DataSpec.Source.mnist(dir.toString(), ONE_SEVEN),
        new DataSpec.Sizes(train, test, validation, certified), 256, seed), CONF);
  }

  @Test
  void validationExamplesComeFromTheTrainingSplitDisjointFromTheTrainingExamples() {
    DataSample sample = withValidation(both, 15, 12, 20, 3, CertifiedPoints.TEST);
    Provenance p = sample.provenance();
    assertEquals(Split.TRAIN, p.validation().split());
    assertEquals(20, sample.validation().count());
    checkRows(sample.validation(), p, p.validation());
    Set<Integer> trainAndValidation = new HashSet<>(p.train().sourceIndices());
    trainAndValidation.addAll(p.validation().sourceIndices());
    assertEquals(35, trainAndValidation.size(), "no training example is a validation example");
    assertEquals(p.train().imagesFile(), p.validation().imagesFile(), "never the test split");
    assertEquals(sample.test(), sample.certified());
    assertEquals(p.test().sourceIndices(), sample.certifiedSourceIndices());
  }

  @Test
  void withOneSplitValidationIsDisjointFromTrainingAndTest() {
    DataSample sample = withValidation(trainOnly, 15, 10, 15, 8, CertifiedPoints.VALIDATION);
    Provenance p = sample.provenance();
    Set<Integer> all = new HashSet<>(p.train().sourceIndices());
    all.addAll(p.test().sourceIndices());
    all.addAll(p.validation().sourceIndices());
    assertEquals(40, all.size(), "15 + 10 + 15 distinct examples: all 40 ones and sevens");
    checkRows(sample.validation(), p, p.validation());
    assertEquals(sample.validation(), sample.certified());
    assertEquals(p.validation().sourceIndices(), sample.certifiedSourceIndices());
  }

  /** The training and test draws are today's whatever the validation size and the points certified. */
  @Test
  void validationExamplesLeaveTheTrainingAndTestDrawsUnchanged() {
    for (java.nio.file.Path dir : List.of(both, trainOnly)) {
      DataSample without = load(dir, ONE_SEVEN, 12, 9, 256, 2020);
      assertEquals(0, without.validation().count());
      for (CertifiedPoints certified : CertifiedPoints.values()) {
        DataSample with = withValidation(dir, 12, 9, 10, 2020, certified);
        assertEquals(without.train(), with.train());
        assertEquals(without.test(), with.test());
        assertEquals(without.provenance().train(), with.provenance().train());
        assertEquals(without.provenance().test(), with.provenance().test());
      }
    }
    // The pinned draw of aSeedDrawsAFixedSampleOnAnyJvm, with validation examples beside it.
    Provenance p = withValidation(both, 5, 3, 4, 2020, CertifiedPoints.VALIDATION).provenance();
    assertEquals(List.of(137, 111, 101, 167, 71), p.train().sourceIndices());
    assertEquals(List.of(57, 81, 47), p.test().sourceIndices());
  }

  @Test
  void theSameSeedDrawsTheSameValidationExamplesAndAnotherSeedOthers() {
    DataSample first = withValidation(both, 10, 5, 12, 42, CertifiedPoints.VALIDATION);
    DataSample again = withValidation(both, 10, 5, 12, 42, CertifiedPoints.VALIDATION);
    DataSample other = withValidation(both, 10, 5, 12, 43, CertifiedPoints.VALIDATION);
    assertEquals(first.validation(), again.validation());
    assertEquals(first.provenance(), again.provenance());
    assertNotEquals(first.provenance().validation().sourceIndices(), other.provenance().validation().sourceIndices());
    // Its own stream: not the training stream's next draws.
    DataSample longerTrain = load(both, ONE_SEVEN, 22, 5, 256, 42);
    assertNotEquals(longerTrain.provenance().train().sourceIndices().subList(10, 22),
        first.provenance().validation().sourceIndices());
  }

  @Test
  void askingForMoreValidationExamplesThanAreLeftSaysHowManyAre() {
    UserError e = assertThrows(UserError.class, () -> withValidation(both, 30, 5, 11, 1, CertifiedPoints.TEST));
    assertEquals("data.validation-size = 11, but the train split has 40 examples of digits 1,7 and the training"
        + " examples take 30, leaving 10", e.getMessage());
    e = assertThrows(UserError.class, () -> withValidation(trainOnly, 20, 15, 6, 1, CertifiedPoints.TEST));
    assertTrue(e.getMessage().endsWith("and the training and test examples take 35, leaving 5"), e.getMessage());
    assertEquals(10, withValidation(both, 30, 5, 10, 1, CertifiedPoints.TEST).validation().count(), "all that is left");
  }

  @Test
  void askingForMoreThanThereIsSaysHowManyThereAre() {
    assertLoadError(both, ONE_SEVEN, 41, 10,
        "data.train-size = 41, but the train split has only 40 examples of digits 1,7 (1: 20, 7: 20) in file:");
    assertLoadError(both, ONE_SEVEN, 40, 21,
        "data.test-size = 21, but the test split has only 20 examples of digits 1,7 (1: 10, 7: 10)");
    assertLoadError(trainOnly, ONE_SEVEN, 30, 11, "data.train-size + data.test-size = 30 + 11, but the folder"
        + " has one split (train), drawn from for both, with only 40 examples of digits 1,7 (1: 20, 7: 20)"
        + " in file:" + trainOnly);
  }

  @Test
  void aChosenDigitWithoutExamplesIsAnError() {
    java.nio.file.Path noSevens = tmp.resolve("no-sevens");
    split(noSevens, Split.TRAIN, cyclingLabels(60, 6), true);
    assertLoadError(noSevens, ONE_SEVEN, 1, 1,
        "train-labels-idx1-ubyte.gz: no example of digit 7 in the train split");
  }

  @Test
  void folderFaultsNameTheConfigKey() {
    java.nio.file.Path absent = tmp.resolve("absent");
    assertLoadError(absent, ONE_SEVEN, 1, 1, "data.dir: file:" + absent + ": no such folder");
    assertLoadError(tmp, ONE_SEVEN, 1, 1, "data.dir: file:" + tmp + ": no MNIST files found");
  }

  private void assertLoadError(java.nio.file.Path dir, List<Integer> digits, int train, int test,
      String message) {
    UserError e = assertThrows(UserError.class, () -> load(dir, digits, train, test, 2, 1));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
