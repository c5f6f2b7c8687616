package org.smoothcert.model;

import org.smoothcert.data.Examples;

/**
 * Trains the network {@link MllibMlpTrainer} trains, from the same initial weights
 * ({@code topology.model(seed)}) with the same Breeze L-BFGS, but evaluates the cost with
 * {@link SparseMlpCost} and predicts with {@link SparsePrediction}: the work of the first layer shrinks
 * to the non-zero inputs. The weights equal fit()'s up to rounding.
 *
 * <p>Reuses across the models it trains: the non-zero input lists, the cost's buffers and the
 * prediction inputs.
 */
final class SparseMlpTrainer implements MlpTrainer {
  private final MlpConfig config;
  private final Minimizer lbfgs;
  private final SparseInputs predictionInputs = new SparseInputs();
  private MlpNetwork network;
  private SparseMlp net;
  private SparseMlpCost cost;

  SparseMlpTrainer(MlpConfig config) {
    this.config = config;
    this.lbfgs = config.optimizer().minimizer(config);
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    int[] layers = config.layers(train.dim(), train.classes());
    if (network == null || !network.hasLayers(layers)) {
      network = new MlpNetwork(layers, config.activation(), config.l2());
      net = new SparseMlp(layers, config.activation());
      cost = new SparseMlpCost(net, config.l2());
    }
    cost.load(train, config.blockSize());
    Minimizer.Minimum minimum = lbfgs.minimize(cost, network.initialWeights(seed));
    return new MlpClassifier(layers, config.activation(), minimum,
        new SparsePrediction(net, minimum.x(), train.featureDomain(), predictionInputs));
  }
}
