package org.smoothcert.model.mllib;

import breeze.linalg.DenseMatrix;
import org.apache.spark.ml.ann.TopologyModel;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.TrainedMlp;

/**
 * Batched prediction with MLlib's own {@code TopologyModel.forward} on a dense input matrix, over the
 * trained network's weights (which MLlib's model views without copying).
 */
final class MllibPrediction implements MlpClassifier.BatchPrediction {
  private final TopologyModel model;
  private final int dim;
  private final int classes;
  private final FeatureLevels levels;
  private final PredictionInputs inputs;

  MllibPrediction(MlpNetwork network, TrainedMlp trained, FeatureDomains domains, PredictionInputs inputs) {
    this.model = network.model(trained.sharedWeights());
    this.dim = trained.layout().dim();
    this.classes = trained.layout().classes();
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
