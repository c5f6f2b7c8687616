package org.smoothcert.model;

import java.util.Locale;
import org.smoothcert.UserError;

/**
 * Which implementation of MLlib's L-BFGS trains the network. Both run Breeze's algorithm (its line
 * search, history and convergence checks) from the same initial weights on the same cost.
 */
public enum MlpOptimizer {
  /**
   * Breeze's own {@code LBFGS} object, driven as mllib's {@code LBFGS.runLBFGS} drives it: with
   * {@code learner.implementation = mllib}, bit for bit the weights of
   * {@code MultilayerPerceptronClassifier.fit()}.
   */
  BREEZE,
  /**
   * The same algorithm over reused double arrays ({@link ArrayLbfgs}): Breeze's iterates up to the
   * rounding of its dot products, without its per-step allocation and generic vector code.
   */
  ARRAYS;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MlpOptimizer parse(String value) {
    for (MlpOptimizer o : values()) {
      if (o.key().equals(value)) {
        return o;
      }
    }
    throw new UserError(MlpConfig.OPTIMIZER + " must be arrays or breeze, got " + value);
  }

  Minimizer minimizer(MlpConfig config) {
    return this == BREEZE
        ? new BreezeAdapter(config.maxIter(), config.lbfgsMemory(), config.tol())
        : new ArrayLbfgs(config.maxIter(), config.lbfgsMemory(), config.tol());
  }
}
