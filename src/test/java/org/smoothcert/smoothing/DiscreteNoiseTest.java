package org.smoothcert.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.random.SplitMix64;

/**
 * Statistical checks of the noise at fixed seeds: with a fixed seed each test is deterministic, and the
 * significance level 1e-3 says how surprising a failure would be if the code were right.
 */
class DiscreteNoiseTest {
  private static final double SIGNIFICANCE = 1e-3;
  private final ChiSquareTest chi = new ChiSquareTest();

  @Test
  void keepRateMatchesBetaForBinaryDomain() {
    double beta = 0.9;
    byte[] values = new byte[2_000_000];
    int changed = new DiscreteNoise(beta).perturb(values, 0, values.length, 2, new SplitMix64(11));
    long ones = 0;
    for (byte v : values) {
      ones += v;
    }
    assertEquals(changed, ones, "every change of a 0 in {0,1} is a 1");
    double[] expected = {beta * values.length, (1 - beta) * values.length};
    long[] observed = {values.length - ones, ones};
    assertTrue(chi.chiSquareTest(expected, observed) > SIGNIFICANCE,
        "kept/changed counts " + Arrays.toString(observed) + " vs " + Arrays.toString(expected));
  }

  @Test
  void replacementIsUniformOverTheOtherValuesAndNeverTheOriginal() {
    int domain = 7;
    double beta = 0.6;
    int perValue = 300_000;
    byte[] values = new byte[domain * perValue];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (i % domain);
    }
    byte[] noised = values.clone();
    new DiscreteNoise(beta).perturb(noised, 0, noised.length, domain, new SplitMix64(5));
    long[][] transitions = new long[domain][domain];
    for (int i = 0; i < values.length; i++) {
      transitions[values[i]][noised[i]]++;
    }
    for (int from = 0; from < domain; from++) {
      double[] expected = new double[domain];
      for (int to = 0; to < domain; to++) {
        expected[to] = perValue * (to == from ? beta : (1 - beta) / (domain - 1));
      }
      assertTrue(chi.chiSquareTest(expected, transitions[from]) > SIGNIFICANCE,
          "from " + from + ": " + Arrays.toString(transitions[from]));
    }
  }

  @Test
  void changesOfNeighbouringCoordinatesAreIndependent() {
    // Geometric skips must not correlate consecutive coordinates: a 2x2 table of (changed i, changed i+1).
    double beta = 0.8;
    byte[] values = new byte[1_000_000];
    new DiscreteNoise(beta).perturb(values, 0, values.length, 2, new SplitMix64(99));
    long[][] pairs = new long[2][2];
    for (int i = 0; i + 1 < values.length; i += 2) {
      pairs[values[i]][values[i + 1]]++;
    }
    assertTrue(chi.chiSquareTest(pairs) > SIGNIFICANCE, Arrays.deepToString(pairs));
  }

  @Test
  void replacedValueIsNeverTheOriginalForEveryDomain() {
    for (int domain : new int[] {2, 3, 10, 256}) {
      byte[] values = new byte[50_000];
      for (int i = 0; i < values.length; i++) {
        values[i] = (byte) (i % domain);
      }
      byte[] noised = values.clone();
      int changed = new DiscreteNoise(0.5).perturb(noised, 0, noised.length, domain, new SplitMix64(domain));
      int differ = 0;
      for (int i = 0; i < values.length; i++) {
        assertTrue((noised[i] & 0xFF) < domain, "value outside the domain");
        if (noised[i] != values[i]) {
          differ++;
        }
      }
      assertEquals(changed, differ, "domain " + domain + ": a change must change the value");
    }
  }

  @Test
  void perturbsOnlyTheGivenRange() {
    byte[] values = new byte[1000];
    new DiscreteNoise(0.5).perturb(values, 100, 200, 2, new SplitMix64(1));
    for (int i = 0; i < values.length; i++) {
      if (i < 100 || i >= 200) {
        assertEquals(0, values[i], "position " + i);
      }
    }
    long changed = IntStream.range(100, 200).filter(i -> values[i] != 0).count();
    // beta = 0.5 over 100 binary values: about 50 change; 25..75 holds with probability > 1 - 1e-6.
    assertTrue(changed >= 25 && changed <= 75, changed + " of 100 changed");
  }

  @Test
  void splitMixStreamMatchesTheReferenceAlgorithm() {
    // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
    SplitMix64 rng = new SplitMix64(0);
    assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    assertEquals(0x06C45D188009454FL, rng.nextLong());
  }

  @Test
  void nextIntCoversItsRangeUniformly() {
    SplitMix64 rng = new SplitMix64(3);
    long[] counts = new long[10];
    for (int i = 0; i < 200_000; i++) {
      counts[rng.nextInt(10)]++;
    }
    double[] expected = new double[10];
    Arrays.fill(expected, 20_000);
    assertTrue(chi.chiSquareTest(expected, counts) > SIGNIFICANCE, Arrays.toString(counts));
  }

  @Test
  void sameSeedSameNoise() {
    byte[] a = new byte[10_000];
    byte[] b = new byte[10_000];
    new DiscreteNoise(0.9).perturb(a, 0, a.length, 2, new SplitMix64(SplitMix64.mix(1, 2, 3)));
    new DiscreteNoise(0.9).perturb(b, 0, b.length, 2, new SplitMix64(SplitMix64.mix(1, 2, 3)));
    assertArrayEquals(a, b);
  }

  @Test
  void eachColumnIsNoisedWithinItsOwnDomain() {
    int[] sizes = {2, 5, 17};
    int rows = 200_000;
    double beta = 0.7;
    byte[] values = new byte[rows * sizes.length];
    new DiscreteNoise(beta).perturb(values, 0, values.length, FeatureDomains.of(sizes), new SplitMix64(3));
    for (int j = 0; j < sizes.length; j++) {
      long[] counts = new long[sizes[j]];
      for (int r = 0; r < rows; r++) {
        int v = values[r * sizes.length + j];
        assertTrue(v < sizes[j], "column " + j + " took " + v + " outside its domain " + sizes[j]);
        counts[v]++;
      }
      double[] expected = new double[sizes[j]];
      for (int v = 0; v < sizes[j]; v++) {
        expected[v] = rows * (v == 0 ? beta : (1 - beta) / (sizes[j] - 1));
      }
      assertTrue(chi.chiSquareTest(expected, counts) > SIGNIFICANCE, "column " + j + ": " + Arrays.toString(counts));
    }
  }

  /** Images have one domain for every pixel: the per-column form must draw exactly what it drew before. */
  @Test
  void equalDomainsPerColumnDrawWhatOneDomainDraws() {
    byte[] one = new byte[7 * 1000];
    for (int i = 0; i < one.length; i++) {
      one[i] = (byte) (i % 4);
    }
    byte[] perColumn = one.clone();
    byte[] uniform = one.clone();
    DiscreteNoise noise = new DiscreteNoise(0.8);
    int changed = noise.perturb(one, 7, one.length, 4, new SplitMix64(9));
    assertEquals(changed, noise.perturb(perColumn, 7, perColumn.length, FeatureDomains.of(new int[] {4, 4, 4, 4, 4, 4, 4}),
        new SplitMix64(9)));
    noise.perturb(uniform, 7, uniform.length, FeatureDomains.uniform(7, 4), new SplitMix64(9));
    assertArrayEquals(one, perColumn);
    assertArrayEquals(one, uniform);
  }
}
