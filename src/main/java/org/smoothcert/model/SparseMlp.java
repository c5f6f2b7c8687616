package org.smoothcert.model;

/**
 * The forward pass of MLlib's multilayer perceptron with one hidden layer
 * ({@code FeedForwardTopology.multiLayerPerceptron([dim, hidden, classes], softmaxOnTop = true)}) over
 * {@link SparseInputs}, in MLlib's flat weight layout: the first {@code AffineLayerModel}'s
 * {@code hidden x dim} column-major matrix then its bias, then the second's {@code classes x hidden}
 * matrix then its bias. The first layer's product skips zero inputs: it is the bias plus the weight
 * columns of the non-zero inputs, each times its level. The functions are MLlib's:
 * {@code SigmoidFunction} ({@code 1 / (1 + exp(-x))}) and {@code SoftmaxLayerModelWithCrossEntropyLoss}'s
 * max-shifted softmax.
 */
final class SparseMlp {
  final int dim;
  final int hidden;
  final int classes;
  /** Offsets of the first layer's bias, the second layer's matrix and its bias. */
  final int hiddenBias;
  final int outputWeights;
  final int outputBias;
  final int weightCount;

  SparseMlp(int[] layers) {
    if (layers.length != 3) {
      throw new IllegalArgumentException("one hidden layer expected, got layers of length " + layers.length);
    }
    this.dim = layers[0];
    this.hidden = layers[1];
    this.classes = layers[2];
    this.hiddenBias = hidden * dim;
    this.outputWeights = hiddenBias + hidden;
    this.outputBias = outputWeights + classes * hidden;
    this.weightCount = outputBias + classes;
  }

  /** The sigmoid activations of row {@code row} of {@code inputs}, into {@code out[offset, +hidden)}. */
  void hiddenLayer(double[] w, SparseInputs inputs, int row, double[] out, int offset) {
    int h = hidden;
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
    for (int i = 0; i < h; i++) {
      out[offset + i] = 1.0 / (1 + Math.exp(-out[offset + i]));
    }
  }

  /**
   * The softmax output for hidden activations {@code act[actOffset, +hidden)}, into
   * {@code out[offset, +classes)}, computed as MLlib computes it: bias plus product, then
   * exp(x - max) / sum.
   */
  void outputLayer(double[] w, double[] act, int actOffset, double[] out, int offset) {
    int c = classes;
    System.arraycopy(w, outputBias, out, offset, c);
    for (int i = 0; i < hidden; i++) {
      double a = act[actOffset + i];
      int column = outputWeights + i * c;
      for (int k = 0; k < c; k++) {
        out[offset + k] += a * w[column + k];
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
