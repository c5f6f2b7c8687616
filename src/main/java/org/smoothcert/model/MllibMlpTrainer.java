package org.smoothcert.model;

import org.smoothcert.data.Examples;

/**
 * Trains MLlib's multilayer perceptron inside a task as {@code MultilayerPerceptronClassifier.fit()}
 * would with the same layers, seed, maxIter, tol and blockSize: the same initial weights, the same
 * cost and the same Breeze L-BFGS, so the same weights (for a sigmoid hidden layer without weight
 * decay; the other settings train MLlib's layers the same way on the cost {@link MlpNetwork} states). What fit() spreads over Spark jobs (one per
 * cost evaluation) runs here in the calling thread.
 *
 * <p>Reuses across the models it trains: the stacked training arrays, the network's weight and layer
 * buffers (while the layer shape stays the same) and the prediction buffer.
 */
final class MllibMlpTrainer implements MlpTrainer {
  private final MlpConfig config;
  private final Minimizer lbfgs;
  private final TrainingBlocks blocks = new TrainingBlocks();
  private final PredictionInputs predictionInputs = new PredictionInputs();
  private MlpNetwork network;

  MllibMlpTrainer(MlpConfig config) {
    this.config = config;
    this.lbfgs = config.optimizer().minimizer(config);
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
        new MllibPrediction(net, minimum.x(), train.featureDomain(), predictionInputs));
  }
}
