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
public final class DiscreteNoise implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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

  private long keptBeforeNextChange(UniformSource rng) {
    double u = 1.0 - rng.nextDouble();
    double skip = StrictMath.log(u) / logBeta;
    return skip >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) skip;
  }
}
