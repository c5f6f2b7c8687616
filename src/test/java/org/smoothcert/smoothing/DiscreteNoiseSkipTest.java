package org.smoothcert.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.random.SplitMix64;

/**
 * The fast geometric skip (Math.log, StrictMath near integers) is the definition's (StrictMath.log)
 * bit for bit, and the list of changes is exactly what perturbing makes.
 */
class DiscreteNoiseSkipTest {
  @Test
  void fastSkipIsStrictSkipOnRandomAndBoundaryUniforms() {
    for (double beta : new double[] {0.5, 0.7, 0.9, 0.95, 0.99, 0.999}) {
      double logBeta = StrictMath.log(beta);
      SplitMix64 rng = new SplitMix64(beta > 0.9 ? 3 : 4);
      for (int i = 0; i < 2_000_000; i++) {
        double u = 1.0 - rng.nextDouble();
        assertEquals(DiscreteNoise.strictSkip(u, logBeta), DiscreteNoise.skip(u, logBeta), "u=" + u);
      }
      // u = beta^k and its neighbours: the quotient is at or next to an integer.
      for (int k = 0; k < 400; k++) {
        double u = StrictMath.pow(beta, k);
        for (double v : new double[] {u, Math.nextUp(u), Math.nextDown(u), Math.nextDown(Math.nextDown(u))}) {
          if (v > 0 && v <= 1) {
            assertEquals(DiscreteNoise.strictSkip(v, logBeta), DiscreteNoise.skip(v, logBeta), "v=" + v);
          }
        }
      }
      for (double v : new double[] {1.0, Math.nextDown(1.0), 0x1.0p-53, Double.MIN_NORMAL}) {
        assertEquals(DiscreteNoise.strictSkip(v, logBeta), DiscreteNoise.skip(v, logBeta), "v=" + v);
      }
    }
  }

  @Test
  void fastLogIsWithin1e13PlusRoundingOfStrictMath() {
    SplitMix64 rng = new SplitMix64(9);
    double worst = 0;
    for (int i = 0; i < 3_000_000; i++) {
      double u = i % 3 == 0 ? 1.0 - rng.nextDouble() : Math.scalb(1.0 - rng.nextDouble(), -rng.nextInt(1000));
      worst = Math.max(worst, Math.abs(DiscreteNoise.fastLog(u) - StrictMath.log(u)) - 1e-15 * Math.abs(StrictMath.log(u)));
    }
    for (double u : new double[] {1.0, Math.nextDown(1.0), 0.5, Math.nextUp(0.5), Math.nextDown(0.5), 0x1.0p-53,
        Double.MIN_NORMAL}) {
      worst = Math.max(worst, Math.abs(DiscreteNoise.fastLog(u) - StrictMath.log(u)) - 1e-15 * Math.abs(StrictMath.log(u)));
    }
    assertTrue(worst < 1e-13, "worst absolute error beyond 1e-15 |ln u|: " + worst);
  }

  @Test
  void changesAreWhatPerturbMakes() {
    int dim = 30;
    int rows = 200;
    int[] sizes = new int[dim];
    for (int j = 0; j < dim; j++) {
      sizes[j] = 2 + j % 4;
    }
    FeatureDomains domains = FeatureDomains.of(sizes);
    byte[] clean = new byte[rows * dim];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = (byte) ((i * 31 + i / 7) % sizes[i % dim]);
    }
    for (double beta : new double[] {0.5, 0.9}) {
      byte[] noised = clean.clone();
      int changed = new DiscreteNoise(beta).perturb(noised, 0, noised.length, domains, new SplitMix64(17));
      int[] positions = new int[clean.length];
      byte[] values = new byte[clean.length];
      int n = new DiscreteNoise(beta).changes(clean, 0, clean.length, domains, new SplitMix64(17), positions, values);
      assertEquals(changed, n);
      byte[] applied = clean.clone();
      for (int i = 0; i < n; i++) {
        applied[positions[i]] = values[i];
      }
      assertArrayEquals(noised, applied);
    }
  }

  @Test
  void testChangesGiveNoiseTestsCopy() {
    Examples clean = ClassifierNoiseTest.fixture();
    ClassifierNoise noise = new ClassifierNoise(42, 0.8);
    for (long j = 0; j < 20; j++) {
      byte[] noised = new byte[clean.features().length];
      noise.noiseTest(j, clean, noised);
      int[] positions = new int[noised.length];
      byte[] values = new byte[noised.length];
      int n = noise.testChanges(j, clean, positions, values);
      byte[] applied = clean.features().clone();
      for (int i = 0; i < n; i++) {
        applied[positions[i]] = values[i];
      }
      assertArrayEquals(noised, applied, "classifier " + j);
    }
  }
}
