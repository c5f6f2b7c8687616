package org.smoothcert.model;

import java.util.Locale;

/**
 * Which code trains the multilayer perceptron ({@code learner.implementation}). Both minimise MLlib's
 * cost from MLlib's initial weights by Breeze's L-BFGS algorithm; they differ in the code that computes
 * the cost, the predictions and the L-BFGS steps.
 */
public enum MlpImplementation {
  /**
   * The default: the cost and gradient summed over the non-zero inputs only
   * ({@code model.fast.SparseMlpTrainer}) and Breeze's L-BFGS step for step over reused
   * arrays ({@code model.fast.ArrayLbfgs}). Equal to {@code MultilayerPerceptronClassifier
   * .fit()}'s weights up to rounding (within 1e-9), which the equivalence tests hold it to; the
   * faster of the two (docs/speed.md).
   */
  FAST,
  /**
   * MLlib's own code: {@code FeedForwardModel.computeGradient} and {@code forward} on dense matrices,
   * minimised by Breeze's own {@code LBFGS} object ({@code model.mllib.MllibMlpTrainer}):
   * bit for bit the weights of {@code fit()}. The reference the fast path is tested against.
   */
  MLLIB;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
