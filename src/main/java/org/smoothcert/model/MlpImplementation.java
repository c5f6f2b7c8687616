package org.smoothcert.model;

import java.util.Locale;
import org.smoothcert.UserError;

/**
 * How the multilayer perceptron is trained. Both minimise MLlib's cost from MLlib's initial weights
 * with the same Breeze L-BFGS; they differ in how the cost and the predictions are computed.
 */
public enum MlpImplementation {
  /**
   * MLlib's own {@code FeedForwardModel.computeGradient} and {@code forward} on dense matrices: bit for
   * bit the weights of {@code MultilayerPerceptronClassifier.fit()}.
   */
  MLLIB,
  /**
   * The same cost and gradient computed over the non-zero inputs only ({@link SparseMlpCost}): fit()'s
   * weights up to rounding (within 1e-9); on noised binarized images its cost function is 1.5 to 4
   * times faster than MLlib's dense one (docs/speed.md).
   */
  SPARSE;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MlpImplementation parse(String value) {
    for (MlpImplementation i : values()) {
      if (i.key().equals(value)) {
        return i;
      }
    }
    throw new UserError(MlpConfig.IMPLEMENTATION + " must be sparse or mllib, got " + value);
  }
}
