package org.smoothcert.model;

import java.io.Serializable;
import org.smoothcert.UserError;

/**
 * The learner's configuration: MLlib's MultilayerPerceptronClassifier parameters that this product
 * exposes, validated once, before any work starts. Defaults are MLlib's (maxIter 100, tol 1e-6, block
 * size 128, L-BFGS memory 10) except the hidden layer, which MLlib has no default for.
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
  public static final String HIDDEN = "learner.hidden";
  public static final String ACTIVATION = "learner.activation";
  public static final String L2 = "learner.l2";
  public static final String MAX_ITER = "learner.max-iter";
  public static final String TOL = "learner.tol";
  public static final String LBFGS_MEMORY = "learner.lbfgs-memory";
  public static final String BLOCK_SIZE = "learner.block-size";
  public static final String IMPLEMENTATION = "learner.implementation";

  public MlpConfig {
    requireAtLeast(HIDDEN, hidden, 0);
    if (activation == null) {
      throw new UserError(ACTIVATION + " must be sigmoid or relu");
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new UserError(L2 + " must be a finite number >= 0, got " + l2);
    }
    requireAtLeast(MAX_ITER, maxIter, 1);
    requireAtLeast(LBFGS_MEMORY, lbfgsMemory, 1);
    requireAtLeast(BLOCK_SIZE, blockSize, 1);
    if (!(tol >= 0) || Double.isInfinite(tol)) {
      throw new UserError(TOL + " must be a finite number >= 0, got " + tol);
    }
    if (implementation == null) {
      throw new UserError(IMPLEMENTATION + " must be fast or mllib");
    }
  }

  public static MlpConfig defaults() {
    return new MlpConfig(32, Activation.SIGMOID, 0.0, 100, 1e-6, 10, 128, MlpImplementation.FAST);
  }

  public MlpConfig withHidden(int value) {
    return new MlpConfig(value, activation, l2, maxIter, tol, lbfgsMemory, blockSize, implementation);
  }

  public MlpConfig withActivation(Activation value) {
    return new MlpConfig(hidden, value, l2, maxIter, tol, lbfgsMemory, blockSize, implementation);
  }

  public MlpConfig withL2(double value) {
    return new MlpConfig(hidden, activation, value, maxIter, tol, lbfgsMemory, blockSize, implementation);
  }

  public MlpConfig withMaxIter(int value) {
    return new MlpConfig(hidden, activation, l2, value, tol, lbfgsMemory, blockSize, implementation);
  }

  public MlpConfig withTol(double value) {
    return new MlpConfig(hidden, activation, l2, maxIter, value, lbfgsMemory, blockSize, implementation);
  }

  public MlpConfig withLbfgsMemory(int value) {
    return new MlpConfig(hidden, activation, l2, maxIter, tol, value, blockSize, implementation);
  }

  public MlpConfig withBlockSize(int value) {
    return new MlpConfig(hidden, activation, l2, maxIter, tol, lbfgsMemory, value, implementation);
  }

  public MlpConfig withImplementation(MlpImplementation value) {
    return new MlpConfig(hidden, activation, l2, maxIter, tol, lbfgsMemory, blockSize, value);
  }


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
    if (maxIter != 100) {
      s.append(", ").append(maxIter).append(" it.");
    }
    if (tol != 1e-6) {
      s.append(", tol=").append(tol);
    }
    return s.toString();
  }

  private static void requireAtLeast(String key, int value, int min) {
    if (value < min) {
      throw new UserError(key + " must be a whole number >= " + min + ", got " + value);
    }
  }
}
