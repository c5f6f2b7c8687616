package org.smoothcert.model;

/**
 * How far a trained one-hidden-layer MLP is from predicting a class, and how each single-feature change
 * of an input moves it: what a test-time attacker searches over. The margin toward class t is
 * {@code logit_t - max_{k != t} logit_k} (the softmax's argmax is t iff it is positive).
 *
 * <p>Computed by the classifier's forward pass ({@link TrainedMlp}, MLlib's layout: {@link MlpLayout}).
 * Without a hidden layer ([dim, classes]) the logits are W1 x + b1. A changed
 * feature moves every hidden pre-activation by its column of W1 times the change of its input level, so
 * all single-feature changes of one input are scored in O(dim x hidden x classes).
 */
public final class MlpMargins {
  /** A change of one feature to {@code value}, and the margin the input has after it. */
  public record Change(int feature, int value, double margin) {}

  private final TrainedMlp network;
  private final int featureDomain;

  private MlpMargins(TrainedMlp network, int featureDomain) {
    this.network = network;
    this.featureDomain = featureDomain;
  }

  public static MlpMargins of(MlpClassifier classifier, int featureDomain) {
    return new MlpMargins(classifier.network(), featureDomain);
  }

  /** The margin toward {@code target} of the example at {@code features[offset, offset + dim)}. */
  public double margin(byte[] features, int offset, int target) {
    return marginAfter(network.preActivations(features, offset, featureDomain), 0, 0.0, target);
  }

  /**
   * The single-feature change that raises the margin toward {@code target} most, among features not
   * {@code frozen}, each set to the other extreme of its domain ({@code 0} or {@code featureDomain - 1};
   * for binarized data every possible change).
   */
  public Change bestChange(byte[] features, int offset, int target, boolean[] frozen) {
    double[] z = network.preActivations(features, offset, featureDomain);
    Change best = null;
    for (int p = 0; p < network.layout().dim(); p++) {
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

  /** The margin when the input level of {@code feature} moves by {@code shift} (z_h by shift * W1[h, feature]). */
  private double marginAfter(double[] z, int feature, double shift, int target) {
    double[] moved = z.clone();
    network.shift(moved, feature, shift);
    double[] logits = new double[network.layout().classes()];
    network.logits(moved, logits);
    return TrainedMlp.margin(logits, target);
  }
}
