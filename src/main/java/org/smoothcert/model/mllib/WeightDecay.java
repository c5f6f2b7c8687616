package org.smoothcert.model.mllib;

/**
 * L2 weight decay ({@code learner.l2}): {@code lambda / 2 * ||W||^2} added to the cost and
 * {@code lambda * W} to its gradient, over the entries of the affine layers' weight matrices; biases are
 * not decayed (as MLlib's regularized linear models leave the intercept free). Not part of MLlib's
 * multilayer perceptron: with {@code lambda = 0} the cost is exactly fit()'s. Both paths add it.
 */
public final class WeightDecay {
  private final double lambda;
  /** Pairs of [start, end) offsets of the weight matrices in MLlib's flat layout. */
  private final int[] ranges;

  public WeightDecay(double lambda, int[] layers) {
    this.lambda = lambda;
    this.ranges = new int[2 * (layers.length - 1)];
    int offset = 0;
    for (int l = 0; l + 1 < layers.length; l++) {
      int matrix = layers[l] * layers[l + 1];
      ranges[2 * l] = offset;
      ranges[2 * l + 1] = offset + matrix;
      offset += matrix + layers[l + 1];
    }
  }

  /** Adds the decay's gradient to {@code gradient} and returns its value (nothing when lambda is 0). */
  public double add(double[] w, double[] gradient) {
    if (lambda == 0) {
      return 0.0;
    }
    double squares = 0.0;
    for (int r = 0; r < ranges.length; r += 2) {
      for (int i = ranges[r]; i < ranges[r + 1]; i++) {
        squares += w[i] * w[i];
        gradient[i] += lambda * w[i];
      }
    }
    return 0.5 * lambda * squares;
  }
}
