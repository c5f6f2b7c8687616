package org.smoothcert.model.fast;

import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.MlpClassifier;

/**
 * Batched prediction over the non-zero inputs ({@link SparseMlp}): the same hidden activations and
 * softmax as MLlib's {@code forward}, up to the order of the first layer's sum.
 */
final class SparsePrediction implements MlpClassifier.BatchPrediction {
  private final SparseMlp net;
  private final double[] weights;
  private final FeatureDomains domains;
  private final SparseInputs inputs;
  private final double[] activations;
  private final double[] probabilities;

  SparsePrediction(SparseMlp net, double[] weights, FeatureDomains domains, SparseInputs inputs) {
    this.net = net;
    this.weights = weights;
    this.domains = domains;
    this.inputs = inputs;
    this.activations = new double[net.first];
    this.probabilities = new double[net.classes];
  }

  @Override
  public void predict(byte[] features, int firstRow, int rows, int[] outLabels) {
    inputs.load(features, firstRow, rows, domains);
    for (int r = 0; r < rows; r++) {
      net.firstLayer(weights, inputs, r, activations, 0);
      net.outputLayer(weights, activations, 0, probabilities, 0);
      outLabels[firstRow + r] = MlpClassifier.firstArgmax(probabilities, 0, net.classes);
    }
  }
}
