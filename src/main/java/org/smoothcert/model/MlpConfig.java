package org.smoothcert.model;

import java.io.Serializable;
import org.smoothcert.data.KeyValues;

/**
 * The learner's configuration: MLlib's MultilayerPerceptronClassifier parameters that this product
 * exposes, in sections, read by {@link #from} from the {@code learner.*} keys: named here, declared and checked
 * (before any work starts) in {@code config.ConfigKeys} and documented, with their defaults, in
 * {@code conf/default.conf}.
 *
 * @param network the network's shape
 * @param training the cost and how L-BFGS minimizes it
 * @param execution how the training runs
 */
public record MlpConfig(Network network, Training training, Execution execution) implements Serializable {
  public static final String KEY_HIDDEN = "learner.hidden";
  public static final String KEY_ACTIVATION = "learner.activation";
  public static final String KEY_L2 = "learner.l2";
  public static final String KEY_MAX_ITER = "learner.max-iter";
  public static final String KEY_TOL = "learner.tol";
  public static final String KEY_LBFGS_MEMORY = "learner.lbfgs-memory";
  public static final String KEY_BLOCK_SIZE = "learner.block-size";
  public static final String KEY_IMPLEMENTATION = "learner.implementation";

  /**
   * The network.
   *
   * @param hidden neurons of the single hidden layer: layers are [dim, hidden, classes]; 0 means no hidden
   *     layer, layers [dim, classes]: multinomial logistic regression (an affine layer under the softmax)
   * @param activation the hidden layer's function; MLlib's MLP uses the sigmoid
   */
  public record Network(int hidden, Activation activation) implements Serializable {}

  /**
   * The cost and its minimization.
   *
   * @param l2 weight decay added to the cost ({@code model.mllib.WeightDecay}); MLlib's MLP has none (0)
   * @param maxIter L-BFGS iteration limit ({@code setMaxIter})
   * @param tol L-BFGS convergence tolerance ({@code setTol})
   * @param lbfgsMemory corrections L-BFGS keeps (mllib's {@code numCorrections}, fixed at 10 by fit())
   */
  public record Training(double l2, int maxIter, double tol, int lbfgsMemory) implements Serializable {}

  /**
   * How the training runs.
   *
   * @param blockSize examples stacked into one matrix ({@code setBlockSize}); it changes the cost's
   *     averaging, so it is part of what makes the weights equal to fit()'s
   * @param implementation which code trains the network (not an MLlib parameter): fast (the default,
   *     fit()'s weights up to rounding) or mllib (MLlib's own code, bit for bit fit()'s)
   */
  public record Execution(int blockSize, MlpImplementation implementation) implements Serializable {}

  /** MultilayerPerceptronClassifier's own maxIter and tol: {@link #describe()} names only other values. */
  private static final int MLLIB_MAX_ITER = 100;
  private static final double MLLIB_TOL = 1e-6;

  /** Reads the {@code learner.*} keys of a run, in the order config has always read them. */
  public static MlpConfig from(KeyValues values) {
    int hidden = values.read(KEY_HIDDEN);
    Activation activation = values.read(KEY_ACTIVATION);
    double l2 = values.read(KEY_L2);
    int maxIter = values.read(KEY_MAX_ITER);
    double tol = values.read(KEY_TOL);
    int lbfgsMemory = values.read(KEY_LBFGS_MEMORY);
    int blockSize = values.read(KEY_BLOCK_SIZE);
    MlpImplementation implementation = values.read(KEY_IMPLEMENTATION);
    return new MlpConfig(new Network(hidden, activation), new Training(l2, maxIter, tol, lbfgsMemory),
        new Execution(blockSize, implementation));
  }

  public int hidden() {
    return network.hidden();
  }

  public Activation activation() {
    return network.activation();
  }

  public double l2() {
    return training.l2();
  }

  public int maxIter() {
    return training.maxIter();
  }

  public double tol() {
    return training.tol();
  }

  public int lbfgsMemory() {
    return training.lbfgsMemory();
  }

  public int blockSize() {
    return execution.blockSize();
  }

  public MlpImplementation implementation() {
    return execution.implementation();
  }

  /** Layer sizes for data of {@code dim} features and {@code classes} classes. */
  public int[] layers(int dim, int classes) {
    return hidden() == 0 ? new int[] {dim, classes} : new int[] {dim, hidden(), classes};
  }

  /** True when this is MultilayerPerceptronClassifier's own network and cost (what fit() trains). */
  public boolean isMllibsMlp() {
    return hidden() > 0 && activation() == Activation.SIGMOID && l2() == 0;
  }

  /** A short name for legends and tables, e.g. "MLP H=32 sigmoid, 100 it." or "logistic, L2=0.01". */
  public String describe() {
    StringBuilder s = new StringBuilder(
        hidden() == 0 ? "logistic regression" : "MLP H=" + hidden() + " " + activation().key());
    if (l2() > 0) {
      s.append(", L2=").append(l2());
    }
    if (maxIter() != MLLIB_MAX_ITER) {
      s.append(", ").append(maxIter()).append(" it.");
    }
    if (tol() != MLLIB_TOL) {
      s.append(", tol=").append(tol());
    }
    return s.toString();
  }
}
