package org.smoothcert.model.fast;

import org.smoothcert.model.Activation;

/**
 * The forward pass of MLlib's multilayer perceptron with one hidden layer
 * ({@code FeedForwardTopology.multiLayerPerceptron([dim, hidden, classes], softmaxOnTop = true)}) over
 * {@link SparseInputs}, in MLlib's flat weight layout: the first {@code AffineLayerModel}'s
 * {@code hidden x dim} column-major matrix then its bias, then the second's {@code classes x hidden}
 * matrix then its bias. The first layer's product skips zero inputs: it is the bias plus the weight
 * columns of the non-zero inputs, each times its level. The functions are MLlib's:
 * {@code SigmoidFunction} ({@code 1 / (1 + exp(-x))}; or the {@link Activation#RELU}) and
 * {@code SoftmaxLayerModelWithCrossEntropyLoss}'s max-shifted softmax. Without a hidden layer
 * ({@code [dim, classes]}) the first layer is the output layer: multinomial logistic regression.
 */
final class SparseMlp {
  final int dim;
  /** Hidden neurons; 0 when there is no hidden layer (layers [dim, classes]: logistic regression). */
  final int hidden;
  final int classes;
  final Activation activation;
  /** Width of the first affine layer, the one over the inputs: hidden, or classes without one. */
  final int first;
  /** Offsets of the first layer's bias and, with a hidden layer, the second layer's matrix and bias. */
  final int hiddenBias;
  final int outputWeights;
  final int outputBias;
  final int weightCount;

  SparseMlp(int[] layers, Activation activation) {
    if (layers.length != 2 && layers.length != 3) {
      throw new IllegalArgumentException("at most one hidden layer expected, got " + layers.length + " layers");
    }
    this.dim = layers[0];
    this.hidden = layers.length == 3 ? layers[1] : 0;
    this.classes = layers[layers.length - 1];
    this.activation = activation;
    this.first = hidden > 0 ? hidden : classes;
    this.hiddenBias = first * dim;
    this.outputWeights = hiddenBias + first;
    this.outputBias = outputWeights + classes * hidden;
    this.weightCount = hidden > 0 ? outputBias + classes : outputWeights;
  }

  /**
   * The first layer for row {@code row} of {@code inputs}, into {@code out[offset, +first)}: the hidden
   * activations, or without a hidden layer the output layer's logits.
   */
  void firstLayer(double[] w, SparseInputs inputs, int row, double[] out, int offset) {
    int h = first;
    System.arraycopy(w, hiddenBias, out, offset, h);
    int[] features = inputs.features();
    double[] levels = inputs.levels();
    int p = inputs.start(row);
    int end = inputs.start(row + 1);
    for (; p + 3 < end; p += 4) {
      ColumnSums.addScaled4(levels[p], features[p] * h, levels[p + 1], features[p + 1] * h, levels[p + 2],
          features[p + 2] * h, levels[p + 3], features[p + 3] * h, w, out, offset, h);
    }
    for (; p < end; p++) {
      ColumnSums.addScaled(levels[p], w, features[p] * h, out, offset, h);
    }
    if (hidden > 0) {
      for (int i = 0; i < h; i++) {
        out[offset + i] = activation.apply(out[offset + i]);
      }
    }
  }

  /**
   * The softmax output for the first layer's result {@code act[actOffset, +first)}, into
   * {@code out[offset, +classes)}, computed as MLlib computes it: bias plus product (with a hidden
   * layer), then exp(x - max) / sum.
   */
  void outputLayer(double[] w, double[] act, int actOffset, double[] out, int offset) {
    int c = classes;
    if (hidden == 0) {
      System.arraycopy(act, actOffset, out, offset, c);
    } else {
      System.arraycopy(w, outputBias, out, offset, c);
      for (int i = 0; i < hidden; i++) {
        double a = act[actOffset + i];
        int column = outputWeights + i * c;
        for (int k = 0; k < c; k++) {
          out[offset + k] += a * w[column + k];
        }
      }
    }
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
