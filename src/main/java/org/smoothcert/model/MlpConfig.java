package org.smoothcert.model;

import java.io.Serializable;

/**
 * The learner's configuration: MLlib's MultilayerPerceptronClassifier parameters that this product
 * exposes, read from the {@code learner.*} keys, which are declared and checked (before any work starts)
 * in {@code config.ConfigKeys} and documented, with their defaults, in {@code conf/default.conf}.
 *
 * @param hidden neurons of the single hidden layer: layers are [dim, hidden, classes]; 0 means no hidden
 *     layer, layers [dim, classes]: multinomial logistic regression (an affine layer under the softmax)
 * @param activation the hidden layer's function; MLlib's MLP uses the sigmoid
 * @param l2 weight decay added to the cost ({@code model.mllib.WeightDecay}); MLlib's MLP has none (0)
 * @param maxIter L-BFGS iteration limit ({@code setMaxIter})
 * @param tol L-BFGS convergence tolerance ({@code setTol})
 * @param lbfgsMemory corrections L-BFGS keeps (mllib's {@code numCorrections}, fixed at 10 by fit())
 * @param blockSize examples stacked into one matrix ({@code setBlockSize}); it changes the cost's
 *     averaging, so it is part of what makes the weights equal to fit()'s
 * @param implementation which code trains the network (not an MLlib parameter): fast (the default,
 *     fit()'s weights up to rounding) or mllib (MLlib's own code, bit for bit fit()'s)
 */
public record MlpConfig(int hidden, Activation activation, double l2, int maxIter, double tol,
    int lbfgsMemory, int blockSize, MlpImplementation implementation) implements Serializable {
  /** MultilayerPerceptronClassifier's own maxIter and tol: {@link #describe()} names only other values. */
  private static final int MLLIB_MAX_ITER = 100;
  private static final double MLLIB_TOL = 1e-6;

  /** Layer sizes for data of {@code dim} features and {@code classes} classes. */
  public int[] layers(int dim, int classes) {
    return hidden == 0 ? new int[] {dim, classes} : new int[] {dim, hidden, classes};
  }

  /** True when this is MultilayerPerceptronClassifier's own network and cost (what fit() trains). */
  public boolean isMllibsMlp() {
    return hidden > 0 && activation == Activation.SIGMOID && l2 == 0;
  }

  /** A short name for legends and tables, e.g. "MLP H=32 sigmoid, 100 it." or "logistic, L2=0.01". */
  public String describe() {
    StringBuilder s = new StringBuilder(
        hidden == 0 ? "logistic regression" : "MLP H=" + hidden + " " + activation.key());
    if (l2 > 0) {
      s.append(", L2=").append(l2);
    }
    if (maxIter != MLLIB_MAX_ITER) {
      s.append(", ").append(maxIter).append(" it.");
    }
    if (tol != MLLIB_TOL) {
      s.append(", tol=").append(tol);
    }
    return s.toString();
  }
}
