package org.smoothcert.model.fast;

import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpCost;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.TrainedMlp;
import org.smoothcert.model.mllib.MlpNetwork;

/**
 * The fast path's cost: {@link SparseMlpCost} (or, without a hidden layer, the same cost written out for
 * logistic regression, {@link LogisticCost}) from MLlib's initial weights (taken from MLlib's
 * {@link MlpNetwork}), and classifiers that predict with {@link SparsePrediction} (and, without a hidden
 * layer, {@link FlippedLogisticPrediction}).
 *
 * <p>Reuses across the sets it is loaded with: the non-zero input lists, the cost's buffers and the
 * prediction inputs.
 */
public final class FastCost implements MlpCost {
  private final MlpConfig config;
  private final SparseInputs predictionInputs = new SparseInputs();
  private MlpNetwork network;
  private MlpLayout net;
  private SparseMlpCost cost;
  /** Without a hidden layer: the same cost, written out for logistic regression ({@link LogisticCost}). */
  private LogisticCost logisticCost;
  private FlippedLogisticPrediction.CleanInputs cleanTest;
  private FeatureDomains domains;

  public FastCost(MlpConfig config) {
    this.config = config;
  }

  @Override
  public Minimizer.Objective load(Examples train) {
    int[] layers = config.layers(train.dim(), train.classes());
    if (network == null || !network.hasLayers(layers)) {
      network = new MlpNetwork(layers, config.activation(), config.l2());
      net = new MlpLayout(layers, config.activation());
      cost = new SparseMlpCost(net, config.l2());
      logisticCost = net.hidden() == 0 ? new LogisticCost(net.dim(), net.classes(), config.l2()) : null;
      cleanTest = net.hidden() == 0 ? new FlippedLogisticPrediction.CleanInputs(net.dim()) : null;
    }
    domains = train.domains();
    if (logisticCost != null) {
      logisticCost.load(train, config.blockSize());
      return logisticCost;
    }
    cost.load(train, config.blockSize());
    return cost;
  }

  @Override
  public double[] initialWeights(long seed) {
    return network.initialWeights(seed);
  }

  @Override
  public MlpClassifier classifier(Minimizer.Minimum minimum) {
    TrainedMlp trained = new TrainedMlp(net, minimum.x());
    return new MlpClassifier(trained, minimum, new SparsePrediction(trained, domains, predictionInputs),
        cleanTest == null ? null : new FlippedLogisticPrediction(trained, domains, cleanTest));
  }
}
