package org.smoothcert.model.fast;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.mllib.MlpNetwork;

/**
 * The {@code fast} path: trains the network {@code model.mllib.MllibMlpTrainer} trains, from the same
 * initial weights ({@code topology.model(seed)}, taken from MLlib's {@link MlpNetwork}) by Breeze's
 * L-BFGS algorithm, but evaluates the cost with {@link SparseMlpCost}, runs the L-BFGS steps in
 * {@link ArrayLbfgs} and predicts with {@link SparsePrediction}: the work of the first layer shrinks to
 * the non-zero inputs, and L-BFGS allocates nothing per step. The weights equal fit()'s up to rounding.
 *
 * <p>Reuses across the models it trains: the non-zero input lists, the cost's buffers, the L-BFGS
 * arrays and the prediction inputs.
 */
public final class SparseMlpTrainer implements MlpTrainer {
  private final MlpConfig config;
  private final Minimizer lbfgs;
  private final SparseInputs predictionInputs = new SparseInputs();
  private MlpNetwork network;
  private SparseMlp net;
  private SparseMlpCost cost;
  /** Without a hidden layer: the same cost, written out for logistic regression ({@link LogisticCost}). */
  private LogisticCost logisticCost;
  private FlippedLogisticPrediction.CleanInputs cleanTest;

  /** The fast path: the sparse cost minimised by the array L-BFGS. */
  public SparseMlpTrainer(MlpConfig config) {
    this(config, new ArrayLbfgs(config));
  }

  /** The sparse cost under another minimizer: bench and the tests also run it under Breeze's own L-BFGS. */
  public SparseMlpTrainer(MlpConfig config, Minimizer lbfgs) {
    this.config = config;
    this.lbfgs = lbfgs;
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    int[] layers = config.layers(train.dim(), train.classes());
    if (network == null || !network.hasLayers(layers)) {
      network = new MlpNetwork(layers, config.activation(), config.l2());
      net = new SparseMlp(layers, config.activation());
      cost = new SparseMlpCost(net, config.l2());
      logisticCost = net.hidden == 0 ? new LogisticCost(net.dim, net.classes, config.l2()) : null;
      cleanTest = net.hidden == 0 ? new FlippedLogisticPrediction.CleanInputs(net.dim) : null;
    }
    Minimizer.Objective objective;
    if (logisticCost != null) {
      logisticCost.load(train, config.blockSize());
      objective = logisticCost;
    } else {
      cost.load(train, config.blockSize());
      objective = cost;
    }
    Minimizer.Minimum minimum = lbfgs.minimize(objective, network.initialWeights(seed));
    return new MlpClassifier(layers, config.activation(), minimum,
        new SparsePrediction(net, minimum.x(), train.domains(), predictionInputs),
        cleanTest == null ? null : new FlippedLogisticPrediction(net, minimum.x(), train.domains(), cleanTest));
  }

  /** Test points that {@code predictFlipped} sent to the reference arithmetic (near ties), since creation. */
  public long flippedFallbacks() {
    return cleanTest == null ? 0 : cleanTest.fallbacks();
  }
}
