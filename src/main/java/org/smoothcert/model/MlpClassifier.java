package org.smoothcert.model;

/**
 * A multilayer perceptron trained by an {@link MlpTrainer}: the network ({@link TrainedMlp}: MLlib's
 * layers and weights), and what training cost. It predicts batches of up to {@value #MAX_BATCH}
 * examples with its trainer's {@link BatchPrediction}, which takes the first most probable class of the softmax output, as
 * {@code MultilayerPerceptronClassificationModel} does ({@code probability.argmax}).
 *
 * <p>It shares its trainer's prediction buffers: use it in the thread that trained it.
 */
public final class MlpClassifier implements Classifier {
  public static final int MAX_BATCH = 1024;

  /** Labels rows {@code [firstRow, firstRow + rows)} of a feature array, at most {@value #MAX_BATCH}. */
  public interface BatchPrediction {
    void predict(byte[] features, int firstRow, int rows, int[] outLabels);
  }

  private final TrainedMlp network;
  private final int iterations;
  private final int costEvaluations;
  private final long costNanos;
  /** {@link Classifier#predictFlipped} done without the copy (the fast path's logistic regression). */
  public interface FlippedPrediction {
    void predictFlipped(byte[] clean, int count, int[] positions, byte[] newValues, int changes,
        int[] outLabels);
  }

  private static final ThreadLocal<byte[]> COPY = ThreadLocal.withInitial(() -> new byte[0]);

  private final BatchPrediction prediction;
  private final FlippedPrediction flipped;

  /**
   * {@code network} trained to {@code minimum} (its weights are the minimum's point), predicting with
   * {@code prediction}, and with {@code flipped} (may be null: the copy is made) for {@link #predictFlipped}.
   */
  public MlpClassifier(TrainedMlp network, Minimizer.Minimum minimum, BatchPrediction prediction,
      FlippedPrediction flipped) {
    this.flipped = flipped;
    this.network = network;
    this.iterations = minimum.iterations();
    this.costEvaluations = minimum.costEvaluations();
    this.costNanos = minimum.costNanos();
    this.prediction = prediction;
  }

  @Override
  public int dim() {
    return network.layout().dim();
  }

  @Override
  public int classes() {
    return network.layout().classes();
  }

  @Override
  public void predict(byte[] features, int count, int[] outLabels) {
    if (count < 0 || features.length < count * dim() || outLabels.length < count) {
      throw new IllegalArgumentException("count=" + count + " for " + features.length
          + " feature bytes of dim " + dim() + " and " + outLabels.length + " labels");
    }
    for (int first = 0; first < count; first += MAX_BATCH) {
      prediction.predict(features, first, Math.min(MAX_BATCH, count - first), outLabels);
    }
  }

  @Override
  public void predictFlipped(byte[] clean, int count, int[] positions, byte[] newValues, int changes,
      int[] outLabels) {
    if (flipped == null) {
      // The noised copy, in a buffer kept per thread (a classifier is used in its trainer's thread).
      byte[] copy = COPY.get();
      if (copy.length < count * dim()) {
        copy = new byte[count * dim()];
        COPY.set(copy);
      }
      System.arraycopy(clean, 0, copy, 0, count * dim());
      for (int i = 0; i < changes; i++) {
        copy[positions[i]] = newValues[i];
      }
      predict(copy, count, outLabels);
    } else {
      if (count < 0 || clean.length < count * dim() || outLabels.length < count) {
        throw new IllegalArgumentException("count=" + count + " for " + clean.length
            + " feature bytes of dim " + dim() + " and " + outLabels.length + " labels");
      }
      flipped.predictFlipped(clean, count, positions, newValues, changes, outLabels);
    }
  }

  /** Layer sizes, input first: [dim, hidden, classes], or [dim, classes] without a hidden layer. */
  public int[] layers() {
    return network.layout().layers();
  }

  /** The hidden layer's activation (meaningless without a hidden layer). */
  public Activation activation() {
    return network.layout().activation();
  }

  /** The trained network and its forward pass. */
  public TrainedMlp network() {
    return network;
  }

  /**
   * MLlib's flat weight vector (the layout of {@code MultilayerPerceptronClassificationModel.weights};
   * {@code model.mllib.SparkModels} makes that model of it).
   */
  public double[] weights() {
    return network.weights();
  }

  /** L-BFGS iterations training took. */
  @Override
  public int iterations() {
    return iterations;
  }

  /** Cost-function evaluations (each a pass over the training set) training took. */
  @Override
  public int costEvaluations() {
    return costEvaluations;
  }

  /** Time training spent evaluating the cost; the rest of training is L-BFGS's own work. */
  public long costNanos() {
    return costNanos;
  }

  /**
   * The first index of the largest of {@code values[offset, offset + length)}: the class MLlib's
   * {@code probability.argmax} picks.
   */
  public static int firstArgmax(double[] values, int offset, int length) {
    int best = 0;
    for (int k = 1; k < length; k++) {
      if (values[offset + k] > values[offset + best]) {
        best = k;
      }
    }
    return best;
  }
}
