package org.smoothcert.model.fast;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.mllib.WeightDecay;

/**
 * {@link SparseMlpCost} for the network without a hidden layer ([dim, classes]: multinomial logistic
 * regression, the default learner), bit for bit: the same operations in the same order, written out
 * for columns of {@code classes} doubles instead of going through {@link ColumnSums} (whose vectors
 * never fill a lane at 2 classes, so that every call is call overhead and a scalar tail). Per example:
 * the logits are the bias plus the weight columns of the non-zero inputs, four at a time, left to right
 * ({@code y + a1 x1 + a2 x2 + a3 x3 + a4 x4}, then the rest one at a time); MLlib's max-shifted softmax;
 * the loss {@code sum(target * log(output))}; the delta {@code (output - target) / k} added to the bias
 * gradient. After the block each feature's gradient column gets its examples' deltas in the same
 * groups. {@code SparseMlpCostTest} holds the two to the same bits.
 *
 * <p>One difference that changes no bit: the loss term of a class other than the label is
 * {@code 0 * log(output)}, which adds a signed zero to a sum that is never -0 unless the output is 0 or
 * NaN; only then is the log taken (it adds NaN, as MLlib's does).
 */
final class LogisticCost implements Minimizer.Objective {
  private final int dim;
  private final int classes;
  private final int bias;
  private final WeightDecay decay;
  private final SparseInputs inputs = new SparseInputs();
  private final ActiveExamples byFeature = new ActiveExamples();
  private final int[] cursors;
  private int[] labels = new int[0];
  private int count;
  private int blockSize;
  private double[] deltas = new double[0];
  private final double[] output;

  LogisticCost(int dim, int classes, double l2) {
    this.dim = dim;
    this.classes = classes;
    this.bias = dim * classes;
    this.decay = new WeightDecay(l2, new int[] {dim, classes});
    this.cursors = new int[dim];
    this.output = new double[classes];
  }

  /** Takes {@code train}'s non-zero inputs and labels, cut into blocks of {@code blockSize} examples. */
  void load(Examples train, int blockSize) {
    if (train.count() == 0) {
      throw new IllegalArgumentException("no training examples");
    }
    if (train.dim() != dim || train.classes() != classes) {
      throw new IllegalArgumentException(train + " does not fit layers [" + dim + ", " + classes + "]");
    }
    count = train.count();
    this.blockSize = blockSize;
    inputs.load(train.features(), 0, count, train.domains());
    byFeature.load(inputs, dim);
    if (labels.length < count) {
      labels = new int[count];
    }
    for (int i = 0; i < count; i++) {
      labels[i] = train.label(i);
      if (labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of example " + i + " is not below " + classes);
      }
    }
    int widest = Math.min(blockSize, count) * classes;
    if (deltas.length < widest) {
      deltas = new double[widest];
    }
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient) {
    for (int d = 0; d < dim; d++) {
      cursors[d] = byFeature.start(d);
    }
    double lossSum = 0.0;
    int blocks = 0;
    for (int first = 0; first < count; first += blockSize) {
      lossSum += addBlock(w, first, Math.min(blockSize, count - first), gradient);
      blocks++;
    }
    if (blocks > 1) {
      double scale = 1.0 / blocks;
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] *= scale;
      }
    }
    return lossSum / blocks + decay.add(w, gradient);
  }

  private double addBlock(double[] w, int first, int size, double[] gradient) {
    int c = classes;
    double scale = 1.0 / size;
    double targetLogOutput = 0.0;
    for (int e = 0; e < size; e++) {
      int row = first + e;
      if (c == 2) {
        logits2(w, row, output);
      } else {
        logits(w, row, output);
      }
      MlpLayout.softmax(output, 0, c);
      int label = labels[row];
      for (int k = 0; k < c; k++) {
        double o = output[k];
        if (k == label) {
          targetLogOutput += 1.0 * Math.log(o);
        } else if (!(o > 0)) {
          targetLogOutput += 0.0 * Math.log(o);
        }
        double delta = (o - (k == label ? 1.0 : 0.0)) * scale;
        deltas[e * c + k] = delta;
        gradient[bias + k] += delta;
      }
    }
    if (c == 2) {
      weightGradient2(first, first + size, gradient);
    } else {
      weightGradient(first, first + size, gradient);
    }
    return -targetLogOutput / size;
  }

  /** The logits of one row at 2 classes into {@code out[0, 2)}: {@link SparseFirstLayer}'s sums. */
  private void logits2(double[] w, int row, double[] out) {
    int[] features = inputs.features();
    double[] levels = inputs.levels();
    double z0 = w[bias];
    double z1 = w[bias + 1];
    int p = inputs.start(row);
    int end = inputs.start(row + 1);
    for (; p + 3 < end; p += 4) {
      int f1 = features[p] * 2;
      int f2 = features[p + 1] * 2;
      int f3 = features[p + 2] * 2;
      int f4 = features[p + 3] * 2;
      double a1 = levels[p];
      double a2 = levels[p + 1];
      double a3 = levels[p + 2];
      double a4 = levels[p + 3];
      z0 = z0 + a1 * w[f1] + a2 * w[f2] + a3 * w[f3] + a4 * w[f4];
      z1 = z1 + a1 * w[f1 + 1] + a2 * w[f2 + 1] + a3 * w[f3 + 1] + a4 * w[f4 + 1];
    }
    for (; p < end; p++) {
      int f = features[p] * 2;
      double a = levels[p];
      z0 += a * w[f];
      z1 += a * w[f + 1];
    }
    out[0] = z0;
    out[1] = z1;
  }

  private void logits(double[] w, int row, double[] out) {
    int c = classes;
    System.arraycopy(w, bias, out, 0, c);
    int[] features = inputs.features();
    double[] levels = inputs.levels();
    int p = inputs.start(row);
    int end = inputs.start(row + 1);
    for (; p + 3 < end; p += 4) {
      ColumnSums.scalarAddScaled4(levels[p], features[p] * c, levels[p + 1], features[p + 1] * c, levels[p + 2],
          features[p + 2] * c, levels[p + 3], features[p + 3] * c, w, out, 0, c);
    }
    for (; p < end; p++) {
      ColumnSums.scalarAddScaled(levels[p], w, features[p] * c, out, 0, c);
    }
  }

  /** {@link SparseMlpCost}'s first-layer gradient at 2 classes: each column over its rows of the block. */
  private void weightGradient2(int first, int end, double[] gradient) {
    int[] rows = byFeature.rows();
    double[] levels = byFeature.levels();
    double[] delta = deltas;
    for (int d = 0; d < dim; d++) {
      int p = cursors[d];
      int featureEnd = byFeature.start(d + 1);
      int last = p;
      while (last < featureEnd && rows[last] < end) {
        last++;
      }
      if (p == last) {
        continue;
      }
      double g0 = gradient[2 * d];
      double g1 = gradient[2 * d + 1];
      for (; p + 3 < last; p += 4) {
        int r1 = (rows[p] - first) * 2;
        int r2 = (rows[p + 1] - first) * 2;
        int r3 = (rows[p + 2] - first) * 2;
        int r4 = (rows[p + 3] - first) * 2;
        double a1 = levels[p];
        double a2 = levels[p + 1];
        double a3 = levels[p + 2];
        double a4 = levels[p + 3];
        g0 = g0 + a1 * delta[r1] + a2 * delta[r2] + a3 * delta[r3] + a4 * delta[r4];
        g1 = g1 + a1 * delta[r1 + 1] + a2 * delta[r2 + 1] + a3 * delta[r3 + 1] + a4 * delta[r4 + 1];
      }
      for (; p < last; p++) {
        int r = (rows[p] - first) * 2;
        double a = levels[p];
        g0 += a * delta[r];
        g1 += a * delta[r + 1];
      }
      gradient[2 * d] = g0;
      gradient[2 * d + 1] = g1;
      cursors[d] = p;
    }
  }

  private void weightGradient(int first, int end, double[] gradient) {
    int c = classes;
    int[] rows = byFeature.rows();
    double[] levels = byFeature.levels();
    for (int d = 0; d < dim; d++) {
      int column = d * c;
      int p = cursors[d];
      int featureEnd = byFeature.start(d + 1);
      int last = p;
      while (last < featureEnd && rows[last] < end) {
        last++;
      }
      for (; p + 3 < last; p += 4) {
        ColumnSums.scalarAddScaled4(levels[p], (rows[p] - first) * c, levels[p + 1], (rows[p + 1] - first) * c,
            levels[p + 2], (rows[p + 2] - first) * c, levels[p + 3], (rows[p + 3] - first) * c,
            deltas, gradient, column, c);
      }
      for (; p < last; p++) {
        ColumnSums.scalarAddScaled(levels[p], deltas, (rows[p] - first) * c, gradient, column, c);
      }
      cursors[d] = p;
    }
  }
}
