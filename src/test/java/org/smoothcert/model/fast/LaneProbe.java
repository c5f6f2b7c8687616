package org.smoothcert.model.fast;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * What {@code VectorLanesTest} runs in a JVM of its own, whose vector width is fixed at start-up: the
 * lanes in use, then digests of the bits of the fast learner's weights and noised test labels and of
 * the kernels' results, one line each. The learners: the default (logistic regression, l2 = 1) on two
 * classes, as the default run trains it (its columns of 2 fit no 4- or 8-lane vector), the same on ten
 * classes (columns of 10: vectors and a tail at every width) and a hidden layer of 21 with the paper's
 * weight decay (a tail at every width), on 784-pixel binary images with a fifth of the pixels on, as
 * noised MNIST. The first two lines name the width; every other line must be the same at every width
 * and without the vector API.
 */
final class LaneProbe {
  private static final int DIM = 784;
  private static final int HIDDEN = 21;

  private LaneProbe() {}

  public static void main(String[] args) {
    System.out.println("lanes " + VectorLanes.inUse());
    System.out.println("simd-dots " + LbfgsKernels.VECTOR);
    RunConfig defaults = RunConfig.defaults();
    train("logistic-2", defaults.learner(), 2, 4);
    train("logistic-10", defaults.learner(), 10, 2);
    MlpConfig mlp = defaults.with(ConfigKeys.HIDDEN, HIDDEN).with(ConfigKeys.L2, 0.05).with(ConfigKeys.MAX_ITER, 30)
        .learner();
    train("mlp-h" + HIDDEN, mlp, 2, 3);
    // after training, so that the kernels run compiled by C2
    System.out.println("column-sums " + columnSums());
    System.out.println("dots " + dots());
  }

  private static void train(String name, MlpConfig config, int classes, int classifiers) {
    SyntheticExamples data = new SyntheticExamples(DIM, classes, 0.2, 0.3, classes);
    Examples train = data.draw(100, 1);
    Examples test = data.draw(1000, 2);
    ClassifierNoise noise = new ClassifierNoise(0, 0.9);
    MlpTrainer trainer = new MlpLearner(config).newTrainer();
    byte[] features = new byte[train.features().length];
    byte[] labels = new byte[train.count()];
    byte[] testFeatures = new byte[test.features().length];
    int[] predictions = new int[test.count()];
    Examples noised = new Examples(train.count(), train.domains(), train.classes(), features, labels);
    for (long j = 0; j < classifiers; j++) {
      noise.noiseTrain(j, train, features, labels);
      MlpClassifier classifier = trainer.train(noised, noise.learnerSeed(j));
      noise.noiseTest(j, test, testFeatures);
      classifier.predict(testFeatures, test.count(), predictions);
      Digest weights = new Digest();
      weights.add(classifier.weights());
      Digest predicted = new Digest();
      predicted.add(predictions);
      System.out.printf("%s classifier %d: %d iterations, %d evaluations, weights %s, test labels %s, softmax %s%n",
          name, j, classifier.iterations(), classifier.costEvaluations(), weights.hex(), predicted.hex(),
          softmax(classifier, config, testFeatures, test));
    }
  }

  /** The softmax outputs of the prediction path (the margins the labels come from) for the noised test points. */
  private static String softmax(MlpClassifier classifier, MlpConfig config, byte[] features, Examples test) {
    MlpLayout net = new MlpLayout(classifier.layers(), config.activation());
    SparseInputs inputs = new SparseInputs();
    inputs.load(features, 0, test.count(), test.domains());
    double[] activations = new double[net.first()];
    double[] probabilities = new double[net.classes()];
    Digest digest = new Digest();
    for (int r = 0; r < test.count(); r++) {
      SparseFirstLayer.apply(net, classifier.weights(), inputs, r, activations, 0);
      net.outputLayer(classifier.weights(), activations, 0, probabilities, 0);
      digest.add(probabilities);
    }
    return digest.hex();
  }

  /** One and four columns, lengths 0 to 70 (tails of every width), through the dispatching entry points. */
  private static String columnSums() {
    Random random = new Random(5);
    double[] x = gaussians(random, 400);
    Digest digest = new Digest();
    for (int length = 0; length <= 70; length++) {
      double[] y = gaussians(random, length + 3);
      ColumnSums.addScaled(0.37, x, 11, y, 2, length);
      ColumnSums.addScaled4(1.0, 5, 0.5, 90, 1.0 / 3, 170, 2.0, 300, x, y, 1, length);
      digest.add(y);
    }
    return digest.hex();
  }

  /** The dot product and the fused axpy-dot, at lengths 0 to 40 and the weight counts of H = 0, 32, 64. */
  private static String dots() {
    Random random = new Random(13);
    Digest digest = new Digest();
    int[] lengths = new int[44];
    for (int i = 0; i <= 40; i++) {
      lengths[i] = i;
    }
    lengths[41] = 1_570;
    lengths[42] = 25_186;
    lengths[43] = 50_370;
    for (int length : lengths) {
      double[] a = gaussians(random, length);
      double[] b = gaussians(random, length);
      double[] v = gaussians(random, length);
      digest.add(LbfgsKernels.dot(a, b));
      digest.add(LbfgsKernels.axpyScaleDot(-0.37, v, a, 1.5, b));
      digest.add(a);
      LbfgsKernels.axpyScaleDot(0.61, v, b, -1.0, null);
      digest.add(b);
    }
    return digest.hex();
  }

  private static double[] gaussians(Random random, int length) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
    }
    return values;
  }

  /** SHA-256 of raw bits. */
  private static final class Digest {
    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);

    Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void add(double value) {
      buffer.clear();
      sha.update(buffer.putLong(Double.doubleToRawLongBits(value)).array());
    }

    void add(double[] values) {
      for (double value : values) {
        add(value);
      }
    }

    void add(int[] values) {
      for (int value : values) {
        add(value);
      }
    }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
