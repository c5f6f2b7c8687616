package org.smoothcert.model;

import breeze.linalg.DenseMatrix;
import org.apache.spark.ml.ann.TopologyModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.linalg.Vectors;

/**
 * A multilayer perceptron trained by {@link MlpTrainer}: MLlib's weights and layers, and what training
 * cost. It predicts with MLlib's own {@code TopologyModel.forward} on batches of up to
 * {@value #MAX_BATCH} examples, and takes the first most probable class of the softmax output, as
 * {@code MultilayerPerceptronClassificationModel} does ({@code probability.argmax}).
 *
 * <p>It shares its trainer's prediction buffer: use it in the thread that trained it.
 */
public final class MlpClassifier implements Classifier {
  static final int MAX_BATCH = 1024;

  private final int[] layers;
  private final int featureDomain;
  private final double[] weights;
  private final int iterations;
  private final int costEvaluations;
  private final TopologyModel model;
  private final PredictionInputs inputs;

  MlpClassifier(
      MlpNetwork network, int featureDomain, BreezeAdapter.Minimum minimum, PredictionInputs inputs) {
    this.layers = network.layers();
    this.featureDomain = featureDomain;
    this.weights = minimum.x();
    this.iterations = minimum.iterations();
    this.costEvaluations = minimum.costEvaluations();
    this.model = network.model(weights);
    this.inputs = inputs;
  }

  @Override
  public int dim() {
    return layers[0];
  }

  @Override
  public int classes() {
    return layers[layers.length - 1];
  }

  @Override
  public void predict(byte[] features, int count, int[] outLabels) {
    if (count < 0 || features.length < count * dim() || outLabels.length < count) {
      throw new IllegalArgumentException("count=" + count + " for " + features.length
          + " feature bytes of dim " + dim() + " and " + outLabels.length + " labels");
    }
    for (int first = 0; first < count; first += MAX_BATCH) {
      int rows = Math.min(MAX_BATCH, count - first);
      DenseMatrix<Object>[] outputs =
          model.forward(inputs.columns(features, first, rows, dim(), featureDomain), true);
      double[] probabilities = BreezeAdapter.data(outputs[outputs.length - 1]);
      for (int j = 0; j < rows; j++) {
        outLabels[first + j] = firstArgmax(probabilities, j * classes(), classes());
      }
    }
  }

  /** Layer sizes, input first: [dim, hidden, classes]. */
  public int[] layers() {
    return layers.clone();
  }

  /** MLlib's flat weight vector (the layout of {@code MultilayerPerceptronClassificationModel.weights}). */
  public double[] weights() {
    return weights.clone();
  }

  /** L-BFGS iterations training took. */
  @Override
  public int iterations() {
    return iterations;
  }

  /** Cost-function evaluations (each a pass over the training set) training took. */
  @Override
  public int costEvaluations() {
    return costEvaluations;
  }

  /** The same network as MLlib's model class, e.g. to save it for inspection with its writer. */
  public MultilayerPerceptronClassificationModel toSparkModel(String uid) {
    MultilayerPerceptronClassificationModel sparkModel =
        new MultilayerPerceptronClassificationModel(uid, Vectors.dense(weights.clone()));
    sparkModel.set(sparkModel.layers(), layers.clone());
    return sparkModel;
  }

  private static int firstArgmax(double[] values, int offset, int length) {
    int best = 0;
    for (int k = 1; k < length; k++) {
      if (values[offset + k] > values[offset + best]) {
        best = k;
      }
    }
    return best;
  }
}
