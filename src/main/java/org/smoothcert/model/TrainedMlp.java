package org.smoothcert.model;

/**
 * A trained network: a {@link MlpLayout} with its weights, in MLlib's layout (those of
 * {@code MultilayerPerceptronClassificationModel.weights}), and its forward pass. Prediction (either path),
 * the margins a test-time attacker follows ({@link MlpMargins}) and the adaptive attack's surrogate all
 * take the weights through it. Read only: the weights are never modified once trained.
 */
public final class TrainedMlp {
  private final MlpLayout layout;
  private final double[] weights;

  /** {@code weights} is kept, not copied: it must not change afterwards. */
  public TrainedMlp(MlpLayout layout, double[] weights) {
    if (weights.length != layout.weightCount()) {
      throw new IllegalArgumentException(weights.length + " weights for " + layout.weightCount() + " of layers "
          + java.util.Arrays.toString(layout.layers()));
    }
    this.layout = layout;
    this.weights = weights;
  }

  public MlpLayout layout() {
    return layout;
  }

  /** A copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  /** The weights themselves, for the prediction paths' inner loops. Shared: do not modify. */
  public double[] sharedWeights() {
    return weights;
  }

  /** The first layer's weight of input {@code feature} into unit {@code unit} (W1[unit, feature]). */
  public double inputWeight(int feature, int unit) {
    return weights[feature * layout.first() + unit];
  }

  /** The output layer's weight of hidden unit {@code unit} into class {@code c} (W2[c, unit]). */
  public double outputWeight(int unit, int c) {
    return weights[layout.outputWeights() + unit * layout.classes() + c];
  }

  /**
   * The first layer's outputs before the activation, {@code W1 x + b1}, of the example at
   * {@code features[offset, offset + dim)} of a uniform domain of {@code featureDomain} values
   * ({@link MlpLayout#preActivations}).
   */
  public double[] preActivations(byte[] features, int offset, int featureDomain) {
    double[] z = new double[layout.first()];
    layout.preActivations(weights, features, offset, featureDomain, z);
    return z;
  }

  /** Moves {@code pre}, the first layer's outputs before the activation, by a change {@code d} of input {@code feature}'s level. */
  public void shift(double[] pre, int feature, double d) {
    int first = layout.first();
    for (int h = 0; h < first; h++) {
      pre[h] += d * weights[feature * first + h];
    }
  }

  /**
   * Writes the logits for the first layer's outputs before the activation {@code pre} into
   * {@code logits} and returns the hidden activations (a new array; without a hidden layer {@code pre}
   * are the logits, and there are none: null).
   */
  public double[] logits(double[] pre, double[] logits) {
    if (layout.hidden() == 0) {
      layout.logits(weights, pre, 0, logits, 0);
      return null;
    }
    double[] a = pre.clone();
    layout.activate(a, 0);
    layout.logits(weights, a, 0, logits, 0);
    return a;
  }

  /**
   * The softmax output for the first layer's (activated) outputs {@code act[actOffset, +first)} into
   * {@code out[offset, +classes)} ({@link MlpLayout#outputLayer}).
   */
  public void outputLayer(double[] act, int actOffset, double[] out, int offset) {
    layout.outputLayer(weights, act, actOffset, out, offset);
  }

  /**
   * The margin of {@code logits} toward {@code target}: {@code logit_target - max_{k != target} logit_k}
   * (the softmax's argmax is the target iff it is positive).
   */
  public static double margin(double[] logits, int target) {
    double other = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < logits.length; c++) {
      if (c != target) {
        other = Math.max(other, logits[c]);
      }
    }
    return logits[target] - other;
  }
}
