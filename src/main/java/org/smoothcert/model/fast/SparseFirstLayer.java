package org.smoothcert.model.fast;

import org.smoothcert.model.MlpLayout;

/**
 * The fast path's first layer of MLlib's network ({@link MlpLayout}) over {@link SparseInputs}: the
 * product skips zero inputs, so it is the bias plus the weight columns of the non-zero inputs, each times
 * its level, four columns at a time ({@link ColumnSums}), then the hidden activation. The rest of the
 * forward pass (the output layer, MLlib's softmax) is the layout's own.
 */
final class SparseFirstLayer {
  private SparseFirstLayer() {}

  /**
   * The first layer for row {@code row} of {@code inputs}, into {@code out[offset, +first)}: the hidden
   * activations, or without a hidden layer the output layer's logits.
   */
  static void apply(MlpLayout net, double[] w, SparseInputs inputs, int row, double[] out, int offset) {
    int h = net.first();
    System.arraycopy(w, net.firstBias(), out, offset, h);
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
    net.activate(out, offset);
  }
}
