package org.smoothcert.model.mllib;

import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.linalg.Vectors;
import org.smoothcert.model.Activation;
import org.smoothcert.model.MlpClassifier;

/** Trained classifiers as MLlib's own model class, e.g. to save one for inspection with its writer. */
public final class SparkModels {
  private SparkModels() {}

  /**
   * The same network as MLlib's {@code MultilayerPerceptronClassificationModel}. MLlib's class always
   * applies the sigmoid, so a ReLU network has no such model.
   */
  public static MultilayerPerceptronClassificationModel of(MlpClassifier classifier, String uid) {
    int[] layers = classifier.layers();
    if (layers.length > 2 && classifier.activation() != Activation.SIGMOID) {
      throw new IllegalStateException("MLlib's MultilayerPerceptronClassificationModel has a sigmoid "
          + "hidden layer; this network's is " + classifier.activation().key());
    }
    MultilayerPerceptronClassificationModel sparkModel =
        new MultilayerPerceptronClassificationModel(uid, Vectors.dense(classifier.weights()));
    sparkModel.set(sparkModel.layers(), layers);
    return sparkModel;
  }
}
