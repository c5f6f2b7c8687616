package org.smoothcert.model.mllib;

import breeze.linalg.DenseMatrix;
import org.apache.spark.ml.ann.TopologyModel;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpClassifier;

/** Batched prediction with MLlib's own {@code TopologyModel.forward} on a dense input matrix. */
final class MllibPrediction implements MlpClassifier.BatchPrediction {
  private final TopologyModel model;
  private final int dim;
  private final int classes;
  private final FeatureLevels levels;
  private final PredictionInputs inputs;

  MllibPrediction(MlpNetwork network, double[] weights, FeatureDomains domains, PredictionInputs inputs) {
    int[] layers = network.layers();
    this.model = network.model(weights);
    this.dim = layers[0];
    this.classes = layers[layers.length - 1];
    this.levels = FeatureLevels.of(domains);
    this.inputs = inputs;
  }

  @Override
  public void predict(byte[] features, int firstRow, int rows, int[] outLabels) {
    DenseMatrix<Object>[] outputs =
        model.forward(inputs.columns(features, firstRow, rows, dim, levels), true);
    double[] probabilities = BreezeAdapter.data(outputs[outputs.length - 1]);
    for (int j = 0; j < rows; j++) {
      outLabels[firstRow + j] = MlpClassifier.firstArgmax(probabilities, j * classes, classes);
    }
  }
}
