package org.smoothcert.smoothing;

import org.smoothcert.certify.Beta;
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
  private final double inverseLogBeta;

  public DiscreteNoise(double beta) {
    this.beta = Beta.requireInRange("beta", beta, IllegalArgumentException::new);
    this.logBeta = StrictMath.log(beta);
    this.inverseLogBeta = 1.0 / logBeta;
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
    if (domains.isUniform() && domains.uniform() == 2) {
      while (pos < to) {
        int i = (int) pos;
        values[i] = (byte) (1 - (values[i] & 0xFF));
        changed++;
        pos += 1 + keptBeforeNextChange(rng);
      }
      return changed;
    }
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
    if (domains.isUniform() && domains.uniform() == 2) {
      // Binary features (the default data): the other value, no draw and no column to look up.
      while (pos < to) {
        int i = (int) pos;
        positions[changed] = i;
        newValues[changed] = (byte) (1 - (values[i] & 0xFF));
        changed++;
        pos += 1 + keptBeforeNextChange(rng);
      }
      return changed;
    }
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
    return skipOf(1.0 - rng.nextDouble());
  }

  /**
   * floor(StrictMath.log(u) / logBeta), capped at Integer.MAX_VALUE: the gap before the next change.
   * A table-driven logarithm ({@link #fastLog}, a few times faster than the native {@link StrictMath#log}
   * of JDK 17 and than {@link Math#log}) gives the same floor except where the quotient is within its
   * error of an integer: StrictMath's log is within 1 ulp of ln u, the fast one within
   * 1e-13 + 1e-15 |ln u|, so the two quotients differ by far less than 1e-6; where the fast quotient is less than 1e-6 from an integer
   * (or large), StrictMath decides. The skips are therefore StrictMath's, bit for bit
   * ({@code DiscreteNoiseSkipTest}).
   */
  static long skip(double u, double logBeta) {
    return skip(u, logBeta, 1.0 / logBeta);
  }

  /** The gap this noise draws from the uniform {@code u} in (0, 1]: what one changed coordinate costs. */
  public long keptBefore(double u) {
    return skip(u, logBeta, inverseLogBeta);
  }

  private long skipOf(double u) {
    return skip(u, logBeta, inverseLogBeta);
  }

  /**
   * The skip with {@link #fastLog}, whose error is below 1e-13 + 1e-15 |ln u| for u in [2^-1022, 1]:
   * the quotient q is then within 1e-13 / |logBeta| + 3e-15 q of StrictMath's, under 1e-8 for q < 1e5
   * and beta up to 1 - 1e-4; where q is less than 1e-6 from an integer, or large, or beta closer to 1,
   * StrictMath decides.
   */
  private static long skip(double u, double logBeta, double inverseLogBeta) {
    if (u >= Double.MIN_NORMAL && logBeta < -1e-4) {
      double q = fastLog(u) * inverseLogBeta;
      if (q < 1e5) {
        double f = q - Math.floor(q);
        if (f > 1e-6 && f < 1 - 1e-6) {
          return (long) q;
        }
      }
    }
    return strictSkip(u, logBeta);
  }

  private static final int LOG_TABLE_BITS = 8;
  /** ln(c_i) and 1 / c_i for c_i = 1 + (i + 0.5) / 256, the centres of 256 slices of [1, 2). */
  private static final double[] LOG_CENTRE = new double[1 << LOG_TABLE_BITS];
  private static final double[] INVERSE_CENTRE = new double[1 << LOG_TABLE_BITS];
  private static final double LN2 = StrictMath.log(2.0);

  static {
    for (int i = 0; i < LOG_CENTRE.length; i++) {
      double c = 1 + (i + 0.5) / LOG_CENTRE.length;
      LOG_CENTRE[i] = StrictMath.log(c);
      INVERSE_CENTRE[i] = 1 / c;
    }
  }

  /**
   * ln(u) for a positive normal u, to within 1e-13 + 1e-15 |ln u| (not to the last bit: {@link #skip}
   * only needs it to decide which side of an integer the quotient is on): u = 2^e m, m in [1, 2), and
   * ln m = ln c + ln(1 + r) with c the centre of m's 1/256 slice and |r| < 2^-9, the series to r^5
   * (the next term is below 1e-17).
   */
  static double fastLog(double u) {
    long bits = Double.doubleToRawLongBits(u);
    int e = (int) (bits >>> 52) - 1023;
    int i = (int) (bits >>> (52 - LOG_TABLE_BITS)) & ((1 << LOG_TABLE_BITS) - 1);
    double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
    double r = m * INVERSE_CENTRE[i] - 1.0;
    double r2 = r * r;
    double series = r - r2 * (0.5 - r * (1.0 / 3 - r * 0.25)) + r2 * r2 * r * 0.2;
    return e * LN2 + LOG_CENTRE[i] + series;
  }

  /** The definition: floor(StrictMath.log(u) / logBeta), capped at Integer.MAX_VALUE. */
  static long strictSkip(double u, double logBeta) {
    double skip = StrictMath.log(u) / logBeta;
    return skip >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) skip;
  }
}
