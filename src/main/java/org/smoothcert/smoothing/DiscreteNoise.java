package org.smoothcert.smoothing;

import org.smoothcert.data.FeatureDomains;
import org.smoothcert.random.UniformSource;

/**
 * The smoothing noise of Lee et al. (NeurIPS 2019) and of the backdoor paper's Eq. 2: each coordinate
 * of domain {0, ..., d-1} is kept with probability {@code beta} and otherwise replaced by one of the
 * other d-1 values, uniformly.
 *
 * <p>Changed positions are drawn by geometric skips, so perturbing n coordinates costs O(changed), not
 * O(n): the gap before the next change is Geometric(1 - beta), i.e. floor(ln U / ln beta) with U
 * uniform in (0, 1]. {@link StrictMath#log} keeps that bit-identical on every JVM.
 */
public final class DiscreteNoise {
  private final double beta;
  private final double logBeta;

  public DiscreteNoise(double beta) {
    if (!(beta > 0 && beta < 1)) {
      throw new IllegalArgumentException("beta must be in (0, 1): " + beta);
    }
    this.beta = beta;
    this.logBeta = StrictMath.log(beta);
  }

  public double beta() {
    return beta;
  }

  /**
   * Perturbs {@code values[from, to)} in place, every coordinate of one domain; every value must already
   * be in [0, domain).
   *
   * @return how many coordinates were changed
   */
  public int perturb(byte[] values, int from, int to, int domain, UniformSource rng) {
    return perturb(values, from, to, FeatureDomains.uniform(1, domain), rng);
  }

  /**
   * Perturbs row-major rows {@code values[from, to)} in place, a row's column j within its own domain
   * {@code domains.size(j)} (the row length is {@code domains.dim()}). Where every column has the same
   * domain this draws exactly what the one-domain form draws.
   *
   * @return how many coordinates were changed
   */
  public int perturb(byte[] values, int from, int to, FeatureDomains domains, UniformSource rng) {
    int dim = domains.dim();
    int changed = 0;
    long pos = from + keptBeforeNextChange(rng);
    while (pos < to) {
      int i = (int) pos;
      int old = values[i] & 0xFF;
      values[i] = (byte) otherValue(old, domains.size((i - from) % dim), rng);
      changed++;
      pos += 1 + keptBeforeNextChange(rng);
    }
    return changed;
  }

  /** One of the d-1 values other than {@code old}, uniformly. */
  static int otherValue(int old, int domain, UniformSource rng) {
    if (domain == 2) {
      return 1 - old;
    }
    int r = rng.nextInt(domain - 1);
    return r >= old ? r + 1 : r;
  }

  /**
   * Writes the changes {@link #perturb(byte[], int, int, FeatureDomains, UniformSource)} would make to
   * {@code values[from, to)}, without making them: the positions (ascending) into {@code positions} and
   * the new values into {@code newValues}, from the same draws of {@code rng} in the same order. The
   * arrays must have room for every change (at most {@code to - from}).
   *
   * @return how many coordinates would change
   */
  public int changes(byte[] values, int from, int to, FeatureDomains domains, UniformSource rng,
      int[] positions, byte[] newValues) {
    int dim = domains.dim();
    int changed = 0;
    long pos = from + keptBeforeNextChange(rng);
    while (pos < to) {
      int i = (int) pos;
      positions[changed] = i;
      newValues[changed] = (byte) otherValue(values[i] & 0xFF, domains.size((i - from) % dim), rng);
      changed++;
      pos += 1 + keptBeforeNextChange(rng);
    }
    return changed;
  }

  private long keptBeforeNextChange(UniformSource rng) {
    return skip(1.0 - rng.nextDouble(), logBeta);
  }

  /**
   * floor(StrictMath.log(u) / logBeta), capped at Integer.MAX_VALUE: the gap before the next change.
   * {@link Math#log} (an intrinsic, several times faster than the native {@link StrictMath#log} of JDK
   * 17) gives the same floor except where the quotient is within rounding of an integer: both logs are
   * within 1 ulp of ln u (their specifications), so the two quotients differ by under 1e-15 relative;
   * where Math's quotient is less than 1e-6 from an integer (or large), StrictMath decides. The skips
   * are therefore StrictMath's, bit for bit ({@code DiscreteNoiseTest}).
   */
  static long skip(double u, double logBeta) {
    double q = Math.log(u) / logBeta;
    if (q < 1e6) {
      double f = q - Math.floor(q);
      if (f > 1e-6 && f < 1 - 1e-6) {
        return (long) q;
      }
    }
    return strictSkip(u, logBeta);
  }

  /** The definition: floor(StrictMath.log(u) / logBeta), capped at Integer.MAX_VALUE. */
  static long strictSkip(double u, double logBeta) {
    double skip = StrictMath.log(u) / logBeta;
    return skip >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) skip;
  }
}
