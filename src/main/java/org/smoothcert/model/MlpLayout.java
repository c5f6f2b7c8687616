package org.smoothcert.model;

import java.util.Arrays;

/**
 * MLlib's multilayer perceptron with at most one hidden layer, as its flat weight vector lays it out
 * ({@code FeedForwardTopology.multiLayerPerceptron(layers, softmaxOnTop = true)}): the first
 * {@code AffineLayerModel}'s {@code first x dim} column-major matrix then its bias, then (with a hidden
 * layer) the second's {@code classes x hidden} matrix then its bias. Without a hidden layer
 * ({@code [dim, classes]}) the first layer is the output layer: multinomial logistic regression.
 *
 * <p>The steps of the forward pass over a weight vector in this layout, which every path shares (a
 * {@link TrainedMlp} is a layout with its weights): the first layer's sum over the inputs, the hidden
 * activation, the output layer's logits and MLlib's max-shifted softmax
 * ({@code SoftmaxLayerModelWithCrossEntropyLoss}). A path may sum the first layer in its own order (the fast
 * path sums the non-zero inputs four at a time); every sum here keeps the order it always had.
 */
public final class MlpLayout {
  private final int dim;
  private final int hidden;
  private final int classes;
  private final Activation activation;
  private final int first;
  private final int firstBias;
  private final int outputWeights;
  private final int outputBias;
  private final int weightCount;

  public MlpLayout(int[] layers, Activation activation) {
    if (layers.length != 2 && layers.length != 3) {
      throw new IllegalArgumentException("at most one hidden layer expected, got " + layers.length + " layers");
    }
    this.dim = layers[0];
    this.hidden = layers.length == 3 ? layers[1] : 0;
    this.classes = layers[layers.length - 1];
    this.activation = activation;
    this.first = hidden > 0 ? hidden : classes;
    this.firstBias = first * dim;
    this.outputWeights = firstBias + first;
    this.outputBias = outputWeights + classes * hidden;
    this.weightCount = hidden > 0 ? outputBias + classes : outputWeights;
  }

  /** Features per example. */
  public int dim() {
    return dim;
  }

  /** Hidden neurons; 0 when there is no hidden layer (layers [dim, classes]: logistic regression). */
  public int hidden() {
    return hidden;
  }

  public int classes() {
    return classes;
  }

  /** The hidden layer's activation (meaningless without a hidden layer). */
  public Activation activation() {
    return activation;
  }

  /** Width of the first affine layer, the one over the inputs: hidden, or classes without one. */
  public int first() {
    return first;
  }

  /** Where the first layer's bias begins (its matrix begins at 0: input p's column at {@code p * first()}). */
  public int firstBias() {
    return firstBias;
  }

  /** Where the output layer's matrix begins (with a hidden layer): unit h's column at {@code + h * classes()}. */
  public int outputWeights() {
    return outputWeights;
  }

  /** Where the output layer's bias begins (with a hidden layer). */
  public int outputBias() {
    return outputBias;
  }

  /** The length of the weight vector. */
  public int weightCount() {
    return weightCount;
  }

  /** Layer sizes, input first: [dim, hidden, classes], or [dim, classes] without a hidden layer. */
  public int[] layers() {
    return hidden > 0 ? new int[] {dim, hidden, classes} : new int[] {dim, classes};
  }

  public boolean hasLayers(int[] layers) {
    return Arrays.equals(layers(), layers);
  }

  /**
   * The first layer's sums before the activation, {@code W1 x + b1}, for the example at
   * {@code features[offset, offset + dim)} of a uniform domain of {@code featureDomain} values, into
   * {@code out[0, first)}: the bias, then input by input (zero inputs skipped), each unit's weight times
   * the input's level.
   */
  public void preActivations(double[] w, byte[] features, int offset, int featureDomain, double[] out) {
    System.arraycopy(w, firstBias, out, 0, first);
    for (int p = 0; p < dim; p++) {
      double x = FeatureLevels.level(features[offset + p] & 0xFF, featureDomain);
      if (x != 0) {
        for (int h = 0; h < first; h++) {
          out[h] += w[p * first + h] * x;
        }
      }
    }
  }

  /** The hidden activation applied in place to {@code z[offset, +first)}; nothing without a hidden layer. */
  public void activate(double[] z, int offset) {
    if (hidden > 0) {
      for (int i = 0; i < hidden; i++) {
        z[offset + i] = activation.apply(z[offset + i]);
      }
    }
  }

  /**
   * The logits for the first layer's (activated) outputs {@code act[actOffset, +first)}, into
   * {@code out[offset, +classes)}: with a hidden layer the output bias plus the product, unit by unit;
   * without one, the first layer's outputs themselves.
   */
  public void logits(double[] w, double[] act, int actOffset, double[] out, int offset) {
    int c = classes;
    if (hidden == 0) {
      System.arraycopy(act, actOffset, out, offset, c);
      return;
    }
    System.arraycopy(w, outputBias, out, offset, c);
    for (int i = 0; i < hidden; i++) {
      double a = act[actOffset + i];
      int column = outputWeights + i * c;
      for (int k = 0; k < c; k++) {
        out[offset + k] += a * w[column + k];
      }
    }
  }

  /**
   * The softmax output for the first layer's (activated) outputs {@code act[actOffset, +first)}, into
   * {@code out[offset, +classes)}, computed as MLlib computes it: the {@link #logits}, then
   * {@link #softmax}.
   */
  public void outputLayer(double[] w, double[] act, int actOffset, double[] out, int offset) {
    logits(w, act, actOffset, out, offset);
    softmax(out, offset, classes);
  }

  /** MLlib's max-shifted softmax of {@code out[offset, +c)} in place: exp(x - max) / sum. */
  public static void softmax(double[] out, int offset, int c) {
    double max = -Double.MAX_VALUE;
    for (int k = 0; k < c; k++) {
      if (out[offset + k] > max) {
        max = out[offset + k];
      }
    }
    double sum = 0.0;
    for (int k = 0; k < c; k++) {
      double e = Math.exp(out[offset + k] - max);
      out[offset + k] = e;
      sum += e;
    }
    for (int k = 0; k < c; k++) {
      out[offset + k] /= sum;
    }
  }
}
