package org.smoothcert.model.mllib;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The {@code mllib} path: trains MLlib's multilayer perceptron inside a task as
 * {@code MultilayerPerceptronClassifier.fit()} would with the same layers, seed, maxIter, tol and
 * blockSize: the same initial weights, MLlib's own cost code ({@link MllibCost}) and Breeze's own L-BFGS
 * object, so bit for bit the same weights (for a sigmoid hidden layer without weight decay; the other
 * settings train MLlib's layers the same way on the cost {@link MlpNetwork} states). What fit() spreads
 * over Spark jobs (one per cost evaluation) runs here in the calling thread.
 *
 * <p>Reuses across the models it trains: the stacked training arrays, the network's weight and layer
 * buffers (while the layer shape stays the same) and the prediction buffer.
 */
public final class MllibMlpTrainer implements MlpTrainer {
  private final MllibCost cost;
  private final Minimizer lbfgs;

  /** MLlib's path: MLlib's cost minimised by Breeze's own L-BFGS object, bit for bit fit(). */
  public MllibMlpTrainer(MlpConfig config) {
    this.cost = new MllibCost(config);
    this.lbfgs = new BreezeAdapter(config);
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    return cost.train(lbfgs, train, seed);
  }
}
