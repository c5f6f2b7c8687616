package org.smoothcert.model.mllib;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The {@code mllib} path: trains MLlib's multilayer perceptron inside a task as
 * {@code MultilayerPerceptronClassifier.fit()} would with the same layers, seed, maxIter, tol and
 * blockSize: the same initial weights, MLlib's own cost code and Breeze's own L-BFGS object, so bit for
 * bit the same weights (for a sigmoid hidden layer without weight decay; the other settings train
 * MLlib's layers the same way on the cost {@link MlpNetwork} states). What fit() spreads over Spark
 * jobs (one per cost evaluation) runs here in the calling thread.
 *
 * <p>Reuses across the models it trains: the stacked training arrays, the network's weight and layer
 * buffers (while the layer shape stays the same) and the prediction buffer.
 */
public final class MllibMlpTrainer implements MlpTrainer {
  private final MlpConfig config;
  private final Minimizer lbfgs;
  private final TrainingBlocks blocks = new TrainingBlocks();
  private final PredictionInputs predictionInputs = new PredictionInputs();
  private MlpNetwork network;

  /** MLlib's path: MLlib's cost minimised by Breeze's own L-BFGS object, bit for bit fit(). */
  public MllibMlpTrainer(MlpConfig config) {
    this(config, new BreezeAdapter(config));
  }

  /** MLlib's cost under another minimizer: the equivalence tests also run it under the array L-BFGS. */
  public MllibMlpTrainer(MlpConfig config, Minimizer lbfgs) {
    this.config = config;
    this.lbfgs = lbfgs;
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    int[] layers = config.layers(train.dim(), train.classes());
    if (network == null || !network.hasLayers(layers)) {
      network = new MlpNetwork(layers, config.activation(), config.l2());
    }
    blocks.stack(train, config.blockSize());
    MlpNetwork net = network;
    Minimizer.Minimum minimum = lbfgs.minimize(
        (weights, gradient) -> net.cost(blocks, weights, gradient), net.initialWeights(seed));
    return new MlpClassifier(layers, config.activation(), minimum,
        new MllibPrediction(net, minimum.x(), train.domains(), predictionInputs));
  }
}
