package org.smoothcert.model.mllib;

import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpCost;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.TrainedMlp;

/**
 * MLlib's cost: the training set stacked into blocks as fit() stacks it ({@link TrainingBlocks}), the
 * cost {@link MlpNetwork} computes with MLlib's own code from MLlib's initial weights, and classifiers that
 * predict with MLlib's own {@code forward} ({@link MllibPrediction}).
 *
 * <p>Reuses across the sets it is loaded with: the stacked training arrays, the network's weight and
 * layer buffers (while the layer shape stays the same) and the prediction buffer.
 */
public final class MllibCost implements MlpCost {
  private final MlpConfig config;
  private final TrainingBlocks blocks = new TrainingBlocks();
  private final PredictionInputs predictionInputs = new PredictionInputs();
  private MlpNetwork network;
  private MlpLayout layout;
  private FeatureDomains domains;

  public MllibCost(MlpConfig config) {
    this.config = config;
  }

  @Override
  public Minimizer.Objective load(Examples train) {
    int[] layers = config.layers(train.dim(), train.classes());
    if (network == null || !network.hasLayers(layers)) {
      network = new MlpNetwork(layers, config.activation(), config.l2());
      layout = new MlpLayout(layers, config.activation());
    }
    blocks.stack(train, config.blockSize());
    domains = train.domains();
    MlpNetwork net = network;
    return (weights, gradient) -> net.cost(blocks, weights, gradient);
  }

  @Override
  public double[] initialWeights(long seed) {
    return network.initialWeights(seed);
  }

  @Override
  public MlpClassifier classifier(Minimizer.Minimum minimum) {
    TrainedMlp trained = new TrainedMlp(layout, minimum.x());
    return new MlpClassifier(trained, minimum,
        new MllibPrediction(network, trained, domains, predictionInputs), null);
  }
}
