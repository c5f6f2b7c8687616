package org.smoothcert.model;

/**
 * How far a trained one-hidden-layer MLP is from predicting a class, and how each single-feature change
 * of an input moves it: what a test-time attacker searches over. The margin toward class t is
 * {@code logit_t - max_{k != t} logit_k} (the softmax's argmax is t iff it is positive).
 *
 * <p>Computed from {@link MlpClassifier#weights()} in MLlib's layout for layers [dim, hidden, classes]:
 * W1 (hidden x dim, column-major), b1, W2 (classes x hidden, column-major), b2, with the classifier's
 * hidden activation ({@code FeedForwardTopology.multiLayerPerceptron(layers, softmaxOnTop = true)} for
 * the sigmoid). Without a hidden layer ([dim, classes]) the logits are W1 x + b1. A changed
 * feature moves every hidden pre-activation by its column of W1 times the change of its input level, so
 * all single-feature changes of one input are scored in O(dim x hidden x classes).
 */
public final class MlpMargins {
  /** A change of one feature to {@code value}, and the margin the input has after it. */
  public record Change(int feature, int value, double margin) {}

  private final int dim;
  private final int hidden;
  private final int classes;
  private final int featureDomain;
  private final Activation activation;
  private final double[] weights;
  private final int b1;
  private final int w2;
  private final int b2;

  private MlpMargins(int[] layers, Activation activation, double[] weights, int featureDomain) {
    if (layers.length != 2 && layers.length != 3) {
      throw new IllegalArgumentException("margins need at most one hidden layer, got " + layers.length + " layers");
    }
    this.dim = layers[0];
    this.classes = layers[layers.length - 1];
    // Without a hidden layer, the first layer's "pre-activations" are the logits themselves.
    this.hidden = layers.length == 3 ? layers[1] : classes;
    this.featureDomain = featureDomain;
    this.activation = layers.length == 3 ? activation : null;
    this.weights = weights;
    this.b1 = dim * hidden;
    this.w2 = b1 + hidden;
    this.b2 = w2 + hidden * classes;
    int count = this.activation == null ? w2 : b2 + classes;
    if (weights.length != count) {
      throw new IllegalArgumentException(weights.length + " weights for layers [" + dim + ", " + hidden + ", " + classes + "]");
    }
  }

  public static MlpMargins of(MlpClassifier classifier, int featureDomain) {
    return new MlpMargins(classifier.layers(), classifier.activation(), classifier.weights(), featureDomain);
  }

  /** The margin toward {@code target} of the example at {@code features[offset, offset + dim)}. */
  public double margin(byte[] features, int offset, int target) {
    return marginAfter(preActivations(features, offset), 0, 0.0, target);
  }

  /**
   * The single-feature change that raises the margin toward {@code target} most, among features not
   * {@code frozen}, each set to the other extreme of its domain ({@code 0} or {@code featureDomain - 1};
   * for binarized data every possible change).
   */
  public Change bestChange(byte[] features, int offset, int target, boolean[] frozen) {
    double[] z = preActivations(features, offset);
    Change best = null;
    for (int p = 0; p < dim; p++) {
      if (frozen[p]) {
        continue;
      }
      int value = features[offset + p] & 0xFF;
      int flipped = value * 2 < featureDomain - 1 ? featureDomain - 1 : 0;
      double shift = FeatureLevels.level(flipped, featureDomain) - FeatureLevels.level(value, featureDomain);
      double m = marginAfter(z, p, shift, target);
      if (best == null || m > best.margin()) {
        best = new Change(p, flipped, m);
      }
    }
    return best;
  }

  private double[] preActivations(byte[] features, int offset) {
    double[] z = new double[hidden];
    System.arraycopy(weights, b1, z, 0, hidden);
    for (int p = 0; p < dim; p++) {
      double x = FeatureLevels.level(features[offset + p] & 0xFF, featureDomain);
      if (x != 0) {
        for (int h = 0; h < hidden; h++) {
          z[h] += weights[p * hidden + h] * x;
        }
      }
    }
    return z;
  }

  /** The margin when the input level of {@code feature} moves by {@code shift} (z_h by shift * W1[h, feature]). */
  private double marginAfter(double[] z, int feature, double shift, int target) {
    double[] logits = new double[classes];
    if (activation == null) {
      for (int c = 0; c < classes; c++) {
        logits[c] = z[c] + shift * weights[feature * hidden + c];
      }
    } else {
      System.arraycopy(weights, b2, logits, 0, classes);
      for (int h = 0; h < hidden; h++) {
        double a = activation.apply(z[h] + shift * weights[feature * hidden + h]);
        for (int c = 0; c < classes; c++) {
          logits[c] += weights[w2 + h * classes + c] * a;
        }
      }
    }
    double other = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      if (c != target) {
        other = Math.max(other, logits[c]);
      }
    }
    return logits[target] - other;
  }
}
