package org.smoothcert.model.fast;

import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.TrainedMlp;

/**
 * Batched prediction over the non-zero inputs: the network's forward pass ({@link TrainedMlp}) with the
 * first layer summed by {@link SparseFirstLayer}; the same hidden activations and softmax as MLlib's
 * {@code forward}, up to the order of the first layer's sum.
 */
final class SparsePrediction implements MlpClassifier.BatchPrediction {
  private final TrainedMlp network;
  private final MlpLayout net;
  private final double[] weights;
  private final FeatureDomains domains;
  private final SparseInputs inputs;
  private final double[] activations;
  private final double[] probabilities;

  SparsePrediction(TrainedMlp network, FeatureDomains domains, SparseInputs inputs) {
    this.network = network;
    this.net = network.layout();
    this.weights = network.sharedWeights();
    this.domains = domains;
    this.inputs = inputs;
    this.activations = new double[net.first()];
    this.probabilities = new double[net.classes()];
  }

  @Override
  public void predict(byte[] features, int firstRow, int rows, int[] outLabels) {
    inputs.load(features, firstRow, rows, domains);
    for (int r = 0; r < rows; r++) {
      SparseFirstLayer.apply(net, weights, inputs, r, activations, 0);
      network.outputLayer(activations, 0, probabilities, 0);
      outLabels[firstRow + r] = MlpClassifier.firstArgmax(probabilities, 0, net.classes());
    }
  }
}
