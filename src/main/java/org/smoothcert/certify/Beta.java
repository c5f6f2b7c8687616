package org.smoothcert.certify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The flip noise's keep probability beta: the one place its rules are written, for every place that
 * checks it (the config key, the CLI, the noise, the certificates). Two rules: beta is a probability
 * that leaves something to flip, in (0, 1) (BagFlip's certificate also takes 1: no flip noise), and it is
 * above 1/d for the smaller domain d, so the noise keeps a value more often than it picks any other
 * (the certificates' Neyman-Pearson regions need it). Compared exactly, as the decimal beta prints as.
 */
public final class Beta {
  /** The flip noise's range, as the rest of "beta must be ...". */
  public static final String RANGE = "in (0.0, 1.0)";

  private Beta() {}

  /** Whether {@code beta} is in the flip noise's range (0, 1). */
  public static boolean inRange(double beta) {
    return beta > 0 && beta < 1;
  }

  /**
   * Checks that {@code beta} is in (0, 1).
   *
   * @param name beta as the caller's user knows it, e.g. "smoothing.beta" or "--beta"
   * @param error the exception to throw for a message: a {@code UserError} where the user chose beta
   */
  public static <E extends RuntimeException> double requireInRange(String name, double beta,
      Function<String, E> error) {
    if (!inRange(beta)) {
      throw error.apply(name + " must be " + RANGE + ", got " + beta);
    }
    return beta;
  }

  /** As {@link #requireInRange}, 1 (no flip noise) also taken: BagFlip's certificate covers plain bagging. */
  public static <E extends RuntimeException> double requireInRangeOrOne(String name, double beta,
      Function<String, E> error) {
    return beta == 1 ? beta : requireInRange(name, beta, error);
  }

  /**
   * Checks that {@code beta} is above 1/d for the smaller of the feature domain and the label domain.
   *
   * @param name beta as the caller's user knows it, e.g. "smoothing.beta" or "--beta"
   * @param error the exception to throw for a message: a {@code UserError} where the user chose beta
   */
  public static <E extends RuntimeException> void requireAboveChance(String name, double beta,
      int featureDomain, int labelDomain, Function<String, E> error) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw error.apply(name + " must be " + RANGE + ", got " + beta);
    }
    requireAboveChance(name, exact(beta), featureDomain, labelDomain, error);
  }

  /** As {@link #requireAboveChance(String, double, int, int, Function)}, beta exact. */
  public static <E extends RuntimeException> void requireAboveChance(String name, BigFraction beta,
      int featureDomain, int labelDomain, Function<String, E> error) {
    int smaller = Math.min(featureDomain, labelDomain);
    if (beta.compareTo(new BigFraction(1, smaller)) <= 0) {
      throw error.apply(name + " must be above 1/" + smaller + " for a domain of " + smaller + " values ("
          + featureDomain + " feature values, " + labelDomain + " classes; the noise must keep a value more"
          + " often than it picks any other), got " + beta.doubleValue());
    }
  }

  /** Beta as the exact decimal it prints as, e.g. 0.9 = 9/10, 1.0 = 1. */
  public static BigFraction exact(double beta) {
    BigDecimal decimal = new BigDecimal(Double.toString(beta));
    return decimal.scale() <= 0 ? new BigFraction(decimal.toBigIntegerExact())
        : new BigFraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
  }
}
