package org.smoothcert.model.fast;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.mllib.WeightDecay;

/**
 * The cost fit() minimises, as {@code model.mllib.MlpNetwork.cost} computes it with MLlib's code, but over
 * {@link SparseInputs}: the same loss, the same gradient and the same block averaging, with the
 * first layer's product and gradient taken over the non-zero inputs only.
 *
 * <p>Per block of k examples, as {@code FeedForwardModel.computeGradient}: loss
 * {@code -sum(target * log(output)) / k} ({@code SoftmaxLayerModelWithCrossEntropyLoss.loss}), output
 * delta {@code output - target}, hidden delta {@code f'(a) * W2^T delta} ({@code FunctionalLayerModel
 * .prevDelta}; {@code f'(a) = (1 - a) a} for the sigmoid), and each {@code AffineLayerModel.grad} adds {@code delta input^T / k} and the mean delta.
 * The sums over blocks are divided by the number of blocks, as mllib's {@code LBFGS.CostFun} divides by
 * the count of stacked rows (one block needs no scaling: times 1.0 changes nothing).
 *
 * <p>The first layer's gradient is accumulated column by column over {@link ActiveExamples}, after the
 * block's hidden deltas are known; each column still receives its examples in order. Without a hidden
 * layer the output deltas take the hidden deltas' place. The {@link WeightDecay}, if any, is added
 * last. Reuses its buffers across the training sets it is loaded with.
 */
final class SparseMlpCost implements Minimizer.Objective {
  private final MlpLayout net;
  private final WeightDecay decay;
  private final SparseInputs inputs = new SparseInputs();
  private final ActiveExamples byFeature = new ActiveExamples();
  private final int[] cursors;
  private int[] labels = new int[0];
  private int count;
  private int blockSize;
  private double[] activations = new double[0];
  private double[] hiddenDeltas = new double[0];
  private final double[] output;
  private final double[] outputDelta;

  SparseMlpCost(MlpLayout net, double l2) {
    this.net = net;
    this.decay = new WeightDecay(l2, net.layers());
    this.cursors = new int[net.dim()];
    this.output = new double[net.classes()];
    this.outputDelta = new double[net.classes()];
  }

  /** Takes {@code train}'s non-zero inputs and labels, cut into blocks of {@code blockSize} examples. */
  void load(Examples train, int blockSize) {
    if (train.count() == 0) {
      throw new IllegalArgumentException("no training examples");
    }
    if (train.dim() != net.dim() || train.classes() != net.classes()) {
      throw new IllegalArgumentException(train + " does not fit layers [" + net.dim() + ", "
          + net.hidden() + ", " + net.classes() + "]");
    }
    count = train.count();
    this.blockSize = blockSize;
    inputs.load(train.features(), 0, count, train.domains());
    byFeature.load(inputs, net.dim());
    if (labels.length < count) {
      labels = new int[count];
    }
    for (int i = 0; i < count; i++) {
      labels[i] = train.label(i);
      if (labels[i] >= net.classes()) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of example " + i + " is not below " + net.classes());
      }
    }
    int widest = Math.min(blockSize, count) * net.first();
    if (activations.length < widest) {
      activations = new double[widest];
      hiddenDeltas = new double[widest];
    }
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient) {
    for (int d = 0; d < net.dim(); d++) {
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

  /** Adds the block's mean gradient into {@code gradient} and returns its mean loss. */
  private double addBlock(double[] w, int first, int size, double[] gradient) {
    int h = net.first();
    int c = net.classes();
    double scale = 1.0 / size;
    double targetLogOutput = 0.0;
    for (int e = 0; e < size; e++) {
      int row = first + e;
      int act = e * h;
      SparseFirstLayer.apply(net, w, inputs, row, activations, act);
      net.outputLayer(w, activations, act, output, 0);
      int label = labels[row];
      for (int k = 0; k < c; k++) {
        double target = k == label ? 1.0 : 0.0;
        targetLogOutput += target * Math.log(output[k]);
        outputDelta[k] = output[k] - target;
      }
      if (net.hidden() > 0) {
        addOutputLayerGradient(activations, act, scale, gradient);
        addHiddenDelta(w, act, scale, gradient);
      } else {
        addOutputDelta(act, scale, gradient);
      }
    }
    addFirstLayerWeightGradient(first, first + size, gradient);
    return -targetLogOutput / size;
  }

  private void addOutputLayerGradient(double[] act, int actOffset, double scale, double[] gradient) {
    int c = net.classes();
    for (int i = 0; i < net.hidden(); i++) {
      double a = act[actOffset + i] * scale;
      int column = net.outputWeights() + i * c;
      for (int k = 0; k < c; k++) {
        gradient[column + k] += outputDelta[k] * a;
      }
    }
    for (int k = 0; k < c; k++) {
      gradient[net.outputBias() + k] += outputDelta[k] * scale;
    }
  }

  /** Without a hidden layer the output delta, times {@code scale}, is the first layer's delta. */
  private void addOutputDelta(int offset, double scale, double[] gradient) {
    for (int k = 0; k < net.classes(); k++) {
      double delta = outputDelta[k] * scale;
      hiddenDeltas[offset + k] = delta;
      gradient[net.firstBias() + k] += delta;
    }
  }

  /**
   * MLlib's hidden-layer delta {@code (1 - a) a * (W2^T outputDelta)}, times {@code scale}, kept for
   * the first layer's weight gradient and added to its bias gradient.
   */
  private void addHiddenDelta(double[] w, int offset, double scale, double[] gradient) {
    int c = net.classes();
    for (int i = 0; i < net.hidden(); i++) {
      int column = net.outputWeights() + i * c;
      double back = 0.0;
      for (int k = 0; k < c; k++) {
        back += w[column + k] * outputDelta[k];
      }
      double a = activations[offset + i];
      double delta = net.activation().derivativeAtOutput(a) * back;
      delta *= scale;
      hiddenDeltas[offset + i] = delta;
      gradient[net.firstBias() + i] += delta;
    }
  }

  /** Each feature's column gets its level times the scaled hidden delta of each row of the block. */
  private void addFirstLayerWeightGradient(int first, int end, double[] gradient) {
    int h = net.first();
    int[] rows = byFeature.rows();
    double[] levels = byFeature.levels();
    for (int d = 0; d < net.dim(); d++) {
      int column = d * h;
      int p = cursors[d];
      int featureEnd = byFeature.start(d + 1);
      int last = p;
      while (last < featureEnd && rows[last] < end) {
        last++;
      }
      for (; p + 3 < last; p += 4) {
        ColumnSums.addScaled4(levels[p], (rows[p] - first) * h, levels[p + 1], (rows[p + 1] - first) * h,
            levels[p + 2], (rows[p + 2] - first) * h, levels[p + 3], (rows[p + 3] - first) * h,
            hiddenDeltas, gradient, column, h);
      }
      for (; p < last; p++) {
        ColumnSums.addScaled(levels[p], hiddenDeltas, (rows[p] - first) * h, gradient, column, h);
      }
      cursors[d] = p;
    }
  }
}
