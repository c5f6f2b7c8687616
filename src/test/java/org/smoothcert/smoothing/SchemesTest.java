package org.smoothcert.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smoothcert.data.Examples;

/** The ways of deriving classifier j's sets: each a pure function of (seed, j) with the distribution it claims. */
class SchemesTest {
  private static final Examples DATA = ClassifierNoiseTest.fixture();

  /** The row of {@code e} that equals row {@code i} of {@code bag}, by content (the fixture's rows are told apart by label and features together). */
  private static String row(Examples e, int i) {
    return Arrays.toString(Arrays.copyOfRange(e.features(), i * e.dim(), (i + 1) * e.dim())) + "/" + e.label(i);
  }

  @Test
  void theFlipSchemeDrawsWhatTheNoiseDraws() {
    ClassifierNoise noise = new ClassifierNoise(42, 0.9);
    Smoothing.Draws draws = noise.draws(DATA, DATA);
    byte[] features = new byte[DATA.features().length];
    byte[] labels = new byte[DATA.count()];
    byte[] test = new byte[DATA.features().length];
    noise.noiseTrain(7, DATA, features, labels);
    noise.noiseTest(7, DATA, test);
    Examples train = draws.train(7);
    assertArrayEquals(features, train.features());
    assertArrayEquals(labels, train.labels());
    assertArrayEquals(test, draws.test(7));
    assertEquals(noise.learnerSeed(7), draws.learnerSeed(7));
  }

  @Test
  void aBagDependsOnlyOnSeedAndJ() {
    Smoothing.Draws a = new BaggingSmoothing(3, 20, true).draws(DATA, DATA);
    Smoothing.Draws b = new BaggingSmoothing(3, 20, true).draws(DATA, DATA);
    Examples first = copy(a.train(5));
    a.train(6);
    a.train(0);
    assertEquals(first, copy(b.train(5)), "classifier 5's bag, whatever was drawn before");
    assertEquals(first, copy(a.train(5)));
    assertNotEquals(first, copy(a.train(6)));
    assertNotEquals(first, copy(new BaggingSmoothing(4, 20, true).draws(DATA, DATA).train(5)));
    assertSame(DATA.features(), a.test(5), "bagging predicts the clean test points");
    assertEquals(new ClassifierNoise(3, 0.9).learnerSeed(5), a.learnerSeed(5));
  }

  private static Examples copy(Examples e) {
    return new Examples(e.count(), e.domains(), e.classes(), e.features().clone(), e.labels().clone());
  }

  @Test
  void bagsWithReplacementDrawEachExampleUniformly() {
    int n = DATA.count();
    Bags bags = new Bags(11, 10, true, DATA);
    long[] hits = new long[n];
    int rounds = 20_000;
    for (int j = 0; j < rounds; j++) {
      for (int i : bags.indices(j)) {
        hits[i]++;
      }
    }
    // Chi-square with n - 1 = 49 degrees of freedom; its 0.999 quantile is 85.35.
    double expected = rounds * 10.0 / n;
    double chi2 = Arrays.stream(hits).mapToDouble(h -> (h - expected) * (h - expected) / expected).sum();
    assertTrue(chi2 < 85.35, "chi-square " + chi2);
  }

  @Test
  void bagsWithoutReplacementAreUniformSubsetsAndStartAfreshEachTime() {
    int n = DATA.count();
    Bags bags = new Bags(5, n - 3, false, DATA);
    Bags fresh = new Bags(5, n - 3, false, DATA);
    long[] hits = new long[n];
    int rounds = 20_000;
    for (int j = 0; j < rounds; j++) {
      int[] drawn = bags.indices(j);
      Set<Integer> distinct = new HashSet<>();
      for (int i : drawn) {
        distinct.add(i);
        hits[i]++;
      }
      assertEquals(n - 3, distinct.size(), "no example twice in a bag");
    }
    assertArrayEquals(fresh.indices(17).clone(), bags.indices(17), "the permutation is restored after each bag");
    // Each example is left out with probability 3/n: chi-square on the counts of being left out.
    double expectedOut = rounds * 3.0 / n;
    double chi2 = Arrays.stream(hits).mapToDouble(h -> {
      double out = rounds - h;
      return (out - expectedOut) * (out - expectedOut) / expectedOut;
    }).sum();
    assertTrue(chi2 < 85.35, "chi-square " + chi2);
    assertThrows(IllegalArgumentException.class, () -> new Bags(5, n + 1, false, DATA));
  }

  @Test
  void partsAreDisjointCoverTheDataAndDependOnEachExampleAlone() {
    int parts = 7;
    PartitionSmoothing p = new PartitionSmoothing(9, parts);
    Smoothing.Draws draws = p.draws(DATA, DATA);
    int total = 0;
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < parts; j++) {
      Examples part = draws.train(j);
      total += part.count();
      for (int i = 0; i < part.count(); i++) {
        String r = row(part, i);
        int where = PartitionSmoothing.partOf(9, parts, part.features(), i * part.dim(), part.dim(), part.label(i));
        assertEquals(j, where, "an example is in the part its content hashes to");
        seen.add(r + "#" + j);
      }
    }
    assertEquals(DATA.count(), total, "every example in exactly one part");
    assertSame(DATA.features(), draws.test(3));
    // Changing one example moves at most that example: every other example stays in its part.
    byte[] changed = DATA.features().clone();
    changed[5 * DATA.dim() + 2] ^= 1;
    Examples poisoned = new Examples(DATA.count(), DATA.domains(), DATA.classes(), changed, DATA.labels());
    for (int i = 0; i < DATA.count(); i++) {
      if (i != 5) {
        assertEquals(PartitionSmoothing.partOf(9, parts, DATA.features(), i * DATA.dim(), DATA.dim(), DATA.label(i)),
            PartitionSmoothing.partOf(9, parts, poisoned.features(), i * DATA.dim(), DATA.dim(), poisoned.label(i)));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> draws.train(parts));
  }

  @Test
  void aPartIsTheSameWhateverTheOrderOfTheTrainingSet() {
    int n = DATA.count();
    int dim = DATA.dim();
    byte[] features = new byte[DATA.features().length];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int from = (i * 17 + 5) % n; // a permutation of the rows (17 is prime to 50)
      System.arraycopy(DATA.features(), from * dim, features, i * dim, dim);
      labels[i] = DATA.labels()[from];
    }
    Examples shuffled = new Examples(n, DATA.domains(), DATA.classes(), features, labels);
    Smoothing.Draws a = new PartitionSmoothing(9, 4).draws(DATA, DATA);
    Smoothing.Draws b = new PartitionSmoothing(9, 4).draws(shuffled, DATA);
    for (int j = 0; j < 4; j++) {
      assertEquals(a.train(j), b.train(j), "part " + j + " in the same canonical order");
    }
  }

  @Test
  void bagFlipFlipsTheBagAndTheTestPointsFromTheirOwnStreams() {
    double beta = 0.8;
    Smoothing.Draws flip = new BagFlipSmoothing(21, 30, true, beta).draws(DATA, DATA);
    Bags bags = new Bags(21, 30, true, DATA);
    long changed = 0;
    long coordinates = 0;
    long changedTest = 0;
    for (int j = 0; j < 400; j++) {
      Examples clean = bags.bag(j);
      Examples noised = flip.train(j);
      for (int i = 0; i < clean.features().length; i++) {
        changed += clean.features()[i] != noised.features()[i] ? 1 : 0;
      }
      for (int i = 0; i < clean.count(); i++) {
        changed += clean.labels()[i] != noised.labels()[i] ? 1 : 0;
      }
      coordinates += clean.features().length + clean.count();
      byte[] test = flip.test(j);
      for (int i = 0; i < test.length; i++) {
        changedTest += test[i] != DATA.features()[i] ? 1 : 0;
      }
    }
    double rate = (double) changed / coordinates;
    double testRate = (double) changedTest / (400.0 * DATA.features().length);
    // 1 - beta = 0.2 with binomial standard errors about 0.0009 and 0.0013: six of them each way.
    assertEquals(0.2, rate, 0.006);
    assertEquals(0.2, testRate, 0.008);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"flip", "bagflip"})
  void predictingFromTheChangesGivesTheLabelsOfTheNoisedCopy(String scheme) {
    Smoothing smoothing = scheme.equals("flip") ? new ClassifierNoise(5, 0.8) : new BagFlipSmoothing(5, 30, true, 0.8);
    Smoothing.Draws draws = smoothing.draws(DATA, DATA);
    Smoothing.Draws copies = smoothing.draws(DATA, DATA);
    org.smoothcert.model.Learner learner = new org.smoothcert.model.learner.MlpLearner(
        org.smoothcert.config.RunConfig.defaults().learner());
    for (long j = 0; j < 20; j++) {
      org.smoothcert.model.Classifier c = learner.train(draws.train(j), draws.learnerSeed(j));
      int[] fromChanges = new int[DATA.count()];
      int[] fromCopy = new int[DATA.count()];
      draws.predict(j, c, DATA.count(), fromChanges);
      c.predict(copies.test(j), DATA.count(), fromCopy);
      assertArrayEquals(fromCopy, fromChanges, "classifier " + j);
    }
  }
}
