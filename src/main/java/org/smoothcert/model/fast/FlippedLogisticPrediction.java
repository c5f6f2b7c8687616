package org.smoothcert.model.fast;

import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.TrainedMlp;

/**
 * Logistic regression's prediction of a changed copy of a test set from the clean set and the list of
 * changes ({@code Classifier.predictFlipped}), with the labels {@link SparsePrediction} gives for the
 * copy. A logit is linear in the inputs: {@code w . (x + gamma) = w . x + sum over changed pixels p of
 * (level_new - level_old) w_p}. So each point's clean logits are summed once per classifier over the
 * clean point's non-zero inputs (the clean set's input lists are built once per trainer), then each
 * change adds its weight difference: about 150 + 78 multiply-adds a point and class at beta = 0.9,
 * instead of building the non-zero lists of 784,000 noised bytes.
 *
 * <p>The sums are in another order than {@link SparsePrediction}'s, so they can differ from its logits by
 * rounding: at most about {@code 2 * 1,600 * 2^-53 * A} with {@code A} the sum of a class's absolute
 * weights and bias (at most 785 terms a point, each at most |w|, as inputs are in [0, 1], and at most
 * 784 changes a point; the error bound of a recursive sum). When the top logit leads every other by more
 * than {@code 1e-9 (A_top + A_other) + 1e-12}, a thousand times that bound, the copy's logits have the
 * same unique top, whose softmax output is then strictly the largest (its rivals' exp(z - max) are below
 * 1 - 1e-12), so {@link SparsePrediction} picks the same class. Any other point (a near tie, or weights
 * that are not finite) is predicted by {@link SparsePrediction}'s own arithmetic on its changed row. The
 * labels are therefore the same, bit for bit ({@code FlippedPredictionTest} also checks it).
 */
final class FlippedLogisticPrediction implements MlpClassifier.FlippedPrediction {
  /** The clean test set's non-zero inputs, built once per trainer and kept while the same array comes. */
  static final class CleanInputs {
    private final SparseInputs inputs = new SparseInputs();
    private byte[] features;
    private int count;
    private FeatureDomains domains;
    private FeatureLevels levels;
    private double[] logits = new double[0];
    private int[] rowChanges = new int[1];
    private final byte[] row;
    private final SparseInputs rowInputs = new SparseInputs();
    private long fallbacks;

    CleanInputs(int dim) {
      this.row = new byte[dim];
    }

    void load(byte[] clean, int count, FeatureDomains domains) {
      if (clean != features || count != this.count || domains != this.domains) {
        inputs.load(clean, 0, count, domains);
        levels = FeatureLevels.of(domains);
        features = clean;
        this.count = count;
        this.domains = domains;
      }
    }

    /** Points predicted by the reference arithmetic because their top logits were too close. */
    long fallbacks() {
      return fallbacks;
    }
  }

  private final TrainedMlp network;
  private final MlpLayout net;
  private final double[] weights;
  private final FeatureDomains domains;
  private final CleanInputs clean;
  private final double[] probabilities;

  FlippedLogisticPrediction(TrainedMlp network, FeatureDomains domains, CleanInputs clean) {
    if (network.layout().hidden() != 0) {
      throw new IllegalArgumentException("logistic regression only: no hidden layer");
    }
    this.network = network;
    this.net = network.layout();
    this.weights = network.sharedWeights();
    this.domains = domains;
    this.clean = clean;
    this.probabilities = new double[net.classes()];
  }

  @Override
  public void predictFlipped(byte[] features, int count, int[] positions, byte[] newValues, int changes,
      int[] outLabels) {
    int c = net.classes();
    int dim = net.dim();
    double[] w = weights;
    clean.load(features, count, domains);
    if (clean.logits.length < count * c) {
      clean.logits = new double[count * c];
    }
    if (clean.rowChanges.length < count + 1) {
      clean.rowChanges = new int[count + 1];
    }
    double[] z = clean.logits;
    SparseInputs in = clean.inputs;
    if (c == 2) {
      cleanLogits2(w, in, count, z);
    } else {
      for (int r = 0; r < count; r++) {
        SparseFirstLayer.apply(net, w, in, r, z, r * c);
      }
    }
    double[] levels = clean.levels.inputs();
    int[] offsets = clean.levels.offsets();
    int[] rowChanges = clean.rowChanges;
    boolean binary = domains.isUniform() && domains.uniform() == 2;
    int r = 0;
    int rowStart = 0;
    int previous = -1;
    rowChanges[0] = 0;
    for (int i = 0; i < changes; i++) {
      int pos = positions[i];
      if (binary && (newValues[i] & 0xFE) != 0) {
        throw new IllegalArgumentException("changed value " + (newValues[i] & 0xFF) + " at " + pos
            + " is outside the binary domain");
      }
      if (pos <= previous || pos >= count * dim) {
        throw new IllegalArgumentException("change positions must ascend within the " + count
            + " points: " + pos + " after " + previous);
      }
      previous = pos;
      while (pos >= rowStart + dim) {
        rowChanges[++r] = i;
        rowStart += dim;
      }
      int p = pos - rowStart;
      // Binary columns: the inputs are the values 0 and 1 themselves, so the difference is +-1.
      double delta = binary ? (newValues[i] & 0xFF) - (features[pos] & 0xFF)
          : levels[offsets[p] + (newValues[i] & 0xFF)] - levels[offsets[p] + (features[pos] & 0xFF)];
      int column = p * c;
      int out = r * c;
      if (c == 2) {
        z[out] += delta * w[column];
        z[out + 1] += delta * w[column + 1];
      } else {
        for (int k = 0; k < c; k++) {
          z[out + k] += delta * w[column + k];
        }
      }
    }
    while (r < count) {
      rowChanges[++r] = changes;
    }
    double[] margins = new double[c];
    boolean finite = true;
    for (int k = 0; k < c; k++) {
      double a = Math.abs(w[net.firstBias() + k]);
      for (int p = 0; p < dim; p++) {
        a += Math.abs(w[p * c + k]);
      }
      margins[k] = 1e-9 * a;
      finite &= Double.isFinite(a);
    }
    for (int row = 0; row < count; row++) {
      int out = row * c;
      int top = 0;
      for (int k = 1; k < c; k++) {
        if (z[out + k] > z[out + top]) {
          top = k;
        }
      }
      boolean sure = finite;
      for (int k = 0; k < c && sure; k++) {
        sure = k == top || z[out + top] - z[out + k] > margins[top] + margins[k] + 1e-12;
      }
      outLabels[row] = sure ? top : reference(features, row, positions, newValues);
    }
  }

  /** Two classes: each clean point's two logits, its inputs in four running sums a class. */
  private void cleanLogits2(double[] w, SparseInputs in, int count, double[] z) {
    int[] features = in.features();
    double[] levels = in.levels();
    int bias = net.firstBias();
    for (int r = 0; r < count; r++) {
      double a0 = w[bias];
      double a1 = w[bias + 1];
      double b0 = 0;
      double b1 = 0;
      int p = in.start(r);
      int end = in.start(r + 1);
      for (; p + 1 < end; p += 2) {
        int f = features[p] * 2;
        int g = features[p + 1] * 2;
        a0 += levels[p] * w[f];
        a1 += levels[p] * w[f + 1];
        b0 += levels[p + 1] * w[g];
        b1 += levels[p + 1] * w[g + 1];
      }
      if (p < end) {
        int f = features[p] * 2;
        a0 += levels[p] * w[f];
        a1 += levels[p] * w[f + 1];
      }
      z[2 * r] = a0 + b0;
      z[2 * r + 1] = a1 + b1;
    }
  }

  /** {@link SparsePrediction}'s arithmetic on the changed copy of point {@code row}. */
  private int reference(byte[] features, int row, int[] positions, byte[] newValues) {
    clean.fallbacks++;
    int dim = net.dim();
    byte[] copy = clean.row;
    System.arraycopy(features, row * dim, copy, 0, dim);
    for (int i = clean.rowChanges[row]; i < clean.rowChanges[row + 1]; i++) {
      copy[positions[i] - row * dim] = newValues[i];
    }
    clean.rowInputs.load(copy, 0, 1, domains);
    double[] act = new double[net.first()];
    SparseFirstLayer.apply(net, weights, clean.rowInputs, 0, act, 0);
    network.outputLayer(act, 0, probabilities, 0);
    return MlpClassifier.firstArgmax(probabilities, 0, net.classes());
  }
}
